-- Withdrawing can be undone (issue 6): what the question was when she withdrew it, and when.
-- Only a question no advisor had taken (withdrawn_from = 'RECEIVED') can be put back, for a week.
ALTER TABLE question ADD COLUMN withdrawn_from VARCHAR(20);
ALTER TABLE question ADD COLUMN withdrawn_at ${instant};
