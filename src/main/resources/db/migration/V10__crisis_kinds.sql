-- Issue 8: the help matches the danger. Each crisis resource says what it is for (the emergency
-- number, a suicide and crisis line, a perinatal mental-health line, a domestic-violence line, or a
-- directory of helplines) and where its number was found; a directory may have a web page and no
-- number. The table is rebuilt because SQLite cannot change a CHECK or a NOT NULL in place; every
-- admin's row is kept, in its order (ids are new: nothing refers to them but the admin pages' links).
CREATE TABLE crisis_resource_v10 (
    id ${id},
    country VARCHAR(2) NOT NULL,
    position INTEGER NOT NULL,
    name VARCHAR(200) NOT NULL,
    phone VARCHAR(40),
    url VARCHAR(500),
    kind VARCHAR(10) NOT NULL CHECK (kind IN ('emergency', 'crisis', 'perinatal', 'violence', 'directory')),
    languages VARCHAR(40) NOT NULL DEFAULT '',
    source VARCHAR(500),
    CHECK (phone IS NOT NULL OR url IS NOT NULL)
);

-- A former 'helpline' is a crisis line unless its name says it is for mothers after birth (the
-- bundled Postpartum Support International and Maternal Mental Health lines were).
INSERT INTO crisis_resource_v10 (country, position, name, phone, url, kind, languages)
SELECT country, position, name, phone, url,
       CASE WHEN kind = 'emergency' THEN 'emergency'
            WHEN LOWER(name) LIKE '%postpartum%' OR LOWER(name) LIKE '%posparto%'
                 OR LOWER(name) LIKE '%maternal%' OR LOWER(name) LIKE '%perinatal%' THEN 'perinatal'
            ELSE 'crisis' END,
       languages
FROM crisis_resource
ORDER BY id;

DROP TABLE crisis_resource;
ALTER TABLE crisis_resource_v10 RENAME TO crisis_resource;
CREATE INDEX crisis_resource_country ON crisis_resource (country, position);

-- Which bundled entries (country and number, or web page) were ever put in the directory: each is
-- offered once, so a new release adds the lines it brings and never brings back one an admin removed.
CREATE TABLE crisis_seed (
    entry VARCHAR(600) PRIMARY KEY
);

-- A directory filled before this release was offered the first bundle's entries.
INSERT INTO crisis_seed (entry)
SELECT column1 FROM (VALUES
    ('CO 123'), ('CO 106'), ('CO (604) 444 4448'),
    ('MX 911'), ('MX 800 911 2000'),
    ('ES 112'), ('ES 024'),
    ('US 911'), ('US 988'), ('US 1-833-852-6262'), ('US 1-800-944-4773'),
    ('GB 999'), ('GB 116 123')) AS first_bundle
WHERE EXISTS (SELECT 1 FROM crisis_fallback);
