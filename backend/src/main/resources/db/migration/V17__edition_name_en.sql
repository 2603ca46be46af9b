-- An edition's name in English beside its (French) name, as attractions have both: a cross-Channel
-- edition is read in both languages. NULL: the same name in both.
ALTER TABLE edition ADD COLUMN name_en text CHECK (length(name_en) BETWEEN 1 AND 200);
