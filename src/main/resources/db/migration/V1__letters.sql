-- The column: advisors, topics, the parents who ask, their questions and the published letters.
-- ${id}, ${instant} and ${date} are filled in per database (see storage/Dialect.java).

CREATE TABLE advisor (
    id ${id},
    slug VARCHAR(120) NOT NULL UNIQUE,
    display_name VARCHAR(120) NOT NULL,
    bio TEXT NOT NULL DEFAULT '',
    photo_path VARCHAR(500),
    created_at ${instant} NOT NULL
);

CREATE TABLE topic (
    id ${id},
    slug VARCHAR(120) NOT NULL UNIQUE,
    name_en VARCHAR(120) NOT NULL,
    name_es VARCHAR(120) NOT NULL
);

-- surname and email are private: public pages read only the surname's first letter.
CREATE TABLE asker (
    id ${id},
    first_name VARCHAR(100) NOT NULL,
    surname VARCHAR(100) NOT NULL DEFAULT '',
    age INTEGER,
    city VARCHAR(120),
    country VARCHAR(2),
    role VARCHAR(10) NOT NULL CHECK (role IN ('MAMA', 'PAPA', 'PARENT')),
    pseudonym VARCHAR(100),
    language VARCHAR(2) NOT NULL CHECK (language IN ('en', 'es')),
    email VARCHAR(320),
    created_at ${instant} NOT NULL
);

CREATE TABLE child (
    id ${id},
    asker_id BIGINT NOT NULL REFERENCES asker (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    first_name VARCHAR(100),
    birth_date ${date},
    age_months INTEGER,
    sex VARCHAR(4) CHECK (sex IN ('GIRL', 'BOY')),
    multiple VARCHAR(10) CHECK (multiple IN ('TWINS', 'TRIPLETS')),
    CHECK (birth_date IS NOT NULL OR age_months IS NOT NULL)
);
CREATE INDEX child_asker ON child (asker_id);

CREATE TABLE question (
    id ${id},
    asker_id BIGINT REFERENCES asker (id) ON DELETE SET NULL,
    title VARCHAR(200) NOT NULL,
    body TEXT NOT NULL,
    language VARCHAR(2) NOT NULL CHECK (language IN ('en', 'es')),
    status VARCHAR(20) NOT NULL,
    received_at ${instant} NOT NULL
);
CREATE INDEX question_asker ON question (asker_id);

CREATE TABLE letter (
    id ${id},
    question_id BIGINT REFERENCES question (id) ON DELETE SET NULL,
    slug VARCHAR(200) NOT NULL UNIQUE,
    headline VARCHAR(300) NOT NULL,
    standfirst TEXT NOT NULL DEFAULT '',
    salutation VARCHAR(200) NOT NULL DEFAULT '',
    body_markdown TEXT NOT NULL,
    sign_off VARCHAR(200) NOT NULL DEFAULT '',
    advisor_id BIGINT NOT NULL REFERENCES advisor (id),
    language VARCHAR(2) NOT NULL CHECK (language IN ('en', 'es')),
    published_at ${instant},
    created_at ${instant} NOT NULL,
    updated_at ${instant} NOT NULL
);
CREATE INDEX letter_published ON letter (published_at);
CREATE INDEX letter_advisor ON letter (advisor_id);
CREATE INDEX letter_question ON letter (question_id);

CREATE TABLE letter_topic (
    letter_id BIGINT NOT NULL REFERENCES letter (id) ON DELETE CASCADE,
    topic_id BIGINT NOT NULL REFERENCES topic (id) ON DELETE CASCADE,
    PRIMARY KEY (letter_id, topic_id)
);
CREATE INDEX letter_topic_topic ON letter_topic (topic_id);
