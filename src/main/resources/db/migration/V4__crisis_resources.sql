-- The crisis-resource directory: the help shown at once to a parent whose question shows signs of
-- crisis. Seeded once from dearly/crisis/crisis-resources.json; after that, admins' edits are kept.
-- ${id} is filled in per database (see storage/Dialect.java).

-- position orders a country's resources as the admins list them, the emergency number first.
-- languages: the codes of the languages a resource answers in, comma-separated ('en,es').
CREATE TABLE crisis_resource (
    id ${id},
    country VARCHAR(2) NOT NULL,
    position INTEGER NOT NULL,
    name VARCHAR(200) NOT NULL,
    phone VARCHAR(40) NOT NULL,
    url VARCHAR(500),
    kind VARCHAR(10) NOT NULL CHECK (kind IN ('emergency', 'helpline')),
    languages VARCHAR(40) NOT NULL DEFAULT ''
);
CREATE INDEX crisis_resource_country ON crisis_resource (country, position);

-- What to do in immediate danger, shown always, and alone for a country without resources.
CREATE TABLE crisis_fallback (
    language VARCHAR(2) PRIMARY KEY CHECK (language IN ('en', 'es')),
    message TEXT NOT NULL
);
