-- db-scheduler's table, as its PostgreSQL one, with SQLite's types: times are epoch milliseconds
-- (as every instant in Dearly's SQLite; see storage/SqliteTaskColumns.java).
CREATE TABLE scheduled_tasks (
    task_name TEXT NOT NULL,
    task_instance TEXT NOT NULL,
    task_data BLOB,
    execution_time INTEGER NOT NULL,
    picked BOOLEAN NOT NULL,
    picked_by TEXT,
    last_success INTEGER,
    last_failure INTEGER,
    consecutive_failures INTEGER,
    last_heartbeat INTEGER,
    version INTEGER NOT NULL,
    priority INTEGER,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_time ON scheduled_tasks (priority DESC, execution_time ASC);
