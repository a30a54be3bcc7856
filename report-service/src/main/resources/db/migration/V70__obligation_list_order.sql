-- Keyset paging of /obligations and /overdue (issue 17): the lists' order — due date, the task's 序号, unit name,
-- id — as the columns of one index, so the page after a cursor is an index seek and page 400 costs what page 1
-- does. The task's 序号 is copied onto the obligation; triggers keep the copy, because the projection writes
-- tasks and obligations in separate statements and a task's 序号 can be corrected after its obligations exist.
-- A task without a 序号 sorts last (the lists' NULLS LAST); a missing unit name sorts as ''.
ALTER TABLE obligation ADD COLUMN task_seq integer NOT NULL DEFAULT 2147483647;
UPDATE obligation o SET task_seq = t.seq FROM task t WHERE t.region = o.region AND t.id = o.task_id AND t.seq IS NOT NULL;

CREATE FUNCTION obligation_task_seq() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.task_seq := coalesce((SELECT t.seq FROM task t WHERE t.region = NEW.region AND t.id = NEW.task_id), 2147483647);
    RETURN NEW;
END $$;
CREATE TRIGGER obligation_task_seq BEFORE INSERT OR UPDATE OF task_id ON obligation
    FOR EACH ROW EXECUTE FUNCTION obligation_task_seq();

CREATE FUNCTION task_seq_to_obligations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE obligation SET task_seq = coalesce(NEW.seq, 2147483647)
     WHERE region = NEW.region AND task_id = NEW.id AND task_seq <> coalesce(NEW.seq, 2147483647);
    RETURN NULL;
END $$;
CREATE TRIGGER task_seq_changed AFTER UPDATE OF seq ON task
    FOR EACH ROW WHEN (OLD.seq IS DISTINCT FROM NEW.seq) EXECUTE FUNCTION task_seq_to_obligations();
-- a task that arrives after its obligations (a rebuild replays the feed in its own order)
CREATE TRIGGER task_seq_inserted AFTER INSERT ON task
    FOR EACH ROW EXECUTE FUNCTION task_seq_to_obligations();

CREATE INDEX obligation_list ON obligation (region, due_on, task_seq, (coalesce(unit_name, '')), id);
