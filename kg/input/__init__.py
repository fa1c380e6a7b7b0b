"""Reading and cleaning: files of any format (text, HTML, PDF) become Documents of clean text.

`read` finds and reads the inputs, accounting for each (ok, empty, failed) so nothing is lost;
`formats/` holds one reader per file format; `clean` repairs what a newspaper's layout breaks (lines
cut mid-word, stray spaces, look-alike characters); `segment` cuts a page into articles and sentences;
`manifest` writes the record of every input a run was given.
"""
