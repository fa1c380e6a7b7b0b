"""The readers of relations, each driven by patterns and lexicons of kg/data.

`names` mends the person names the model cut, split or missed, once, before the readers read them;
`positions` (with `post_forms` and `orgs`) reads who holds which post in which organisation and the
changes stated; `events` reads meetings, visits, ceremonies and who took which part; `projects` reads
projects, their places, amounts and owners; `deprel` reads relations from dependency parses.
"""
