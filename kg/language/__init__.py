"""Recognition and the language resources every reader shares.

`engines/` holds the NER engines behind one interface and kg's own token contract (LAC, HanLP, the
rule-only engine); `recognise` turns an engine's tokens into mentions (persons, organisations, places,
titles) and mends the names engines cut; `lexicon` loads the data files of kg/data (kg/lexicon_check.py,
above every part, validates them); `gazetteer` knows China's divisions; `dates` reads dates; `names`
compares and merges names.
"""
