-- The audit log (issue 9): who did what, when, on what, kept for good. Append-only: Dearly has no
-- UPDATE or DELETE for it, and the triggers in db/sqlite and db/postgresql (V16_1) refuse them.
-- No foreign key to app_user: the name at the time is kept, and an account's end must not end its record.
-- Never her words: an erase cannot reach this table, so entries name a question by its number only.
CREATE TABLE audit_entry (
    id ${id},
    at ${instant} NOT NULL,
    actor_id BIGINT,
    actor_name VARCHAR(200) NOT NULL,
    action VARCHAR(80) NOT NULL,
    subject_kind VARCHAR(40) NOT NULL,
    subject_id VARCHAR(80) NOT NULL,
    detail TEXT NOT NULL,
    reason TEXT
);
CREATE INDEX audit_entry_at ON audit_entry (at);
CREATE INDEX audit_entry_actor ON audit_entry (actor_id);

-- Kind decline replies an editor starts from, in both languages; admins manage them.
CREATE TABLE decline_template (
    id ${id},
    title_en VARCHAR(120) NOT NULL,
    title_es VARCHAR(120) NOT NULL,
    text_en TEXT NOT NULL,
    text_es TEXT NOT NULL
);

-- Seeded here, once, rather than at every start: an admin who edits or removes one keeps her change.
INSERT INTO decline_template (title_en, title_es, text_en, text_es) VALUES (
    'Already answered',
    'Ya respondida',
    'Thank you for writing to us, and for trusting us with something so close to your heart. We will not answer your question with a letter of its own, because our advisors have already written about the same worry: you will find those letters under the topics on our home page. You are not alone in feeling this way.',
    'Gracias por escribirnos y por confiarnos algo tan cercano a tu corazón. No responderemos tu pregunta con una carta propia, porque nuestras consejeras ya han escrito sobre la misma preocupación: encontrarás esas cartas en los temas de nuestra página de inicio. No estás sola en lo que sientes.');
INSERT INTO decline_template (title_en, title_es, text_en, text_es) VALUES (
    'Needs a professional',
    'Necesita un profesional',
    'Thank you for writing to us. What you describe deserves more than a letter can give: please talk to your doctor, midwife or a health visitor soon, and tell them what you told us. You did the right thing by reaching out, and you deserve care and support.',
    'Gracias por escribirnos. Lo que cuentas merece más de lo que una carta puede dar: por favor habla pronto con tu médico, tu matrona o tu enfermera, y cuéntales lo que nos contaste. Hiciste bien en buscar ayuda, y mereces cuidado y apoyo.');
INSERT INTO decline_template (title_en, title_es, text_en, text_es) VALUES (
    'Outside the column',
    'Fuera de la columna',
    'Thank you for writing to us. Our column answers questions about the first years of parenthood, and yours is outside what our advisors can speak to with care. We hope you find the right person to ask, and you are always welcome to write to us again.',
    'Gracias por escribirnos. Nuestra columna responde preguntas sobre los primeros años de la crianza, y la tuya queda fuera de lo que nuestras consejeras pueden tratar con cuidado. Esperamos que encuentres a la persona indicada, y siempre eres bienvenida a escribirnos de nuevo.');
