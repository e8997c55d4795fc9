-- where in its document a chunk sits ("slide 2", "sheet Revenue", "section History"), if anywhere
ALTER TABLE chunks ADD COLUMN location TEXT;
