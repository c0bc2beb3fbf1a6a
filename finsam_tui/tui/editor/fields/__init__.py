"""The editor's form, one widget per schema field, in modules by what they hold:

- ``form``: the form builder (:class:`RecordForm`, a table's section, the widget of each type)
- ``base``: one field (:class:`FieldBox`: label, editor, the findings and hints under it)
- ``inputs``: fields typed into (text, numbers, dates, lines, amounts, counts)
- ``choices``: fields chosen from a list (enum, bool, references and their picker button)
- ``entries``: lists of entries (arrays of tables: §§, sub-items, memberships …)
"""
