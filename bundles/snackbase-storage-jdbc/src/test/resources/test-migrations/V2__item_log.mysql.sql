CREATE TABLE sb_test_item_log (id INTEGER PRIMARY KEY, note VARCHAR(100));
INSERT INTO sb_test_item_log (id, note) VALUES (1, 'semicolon; inside a string');
CREATE TRIGGER sb_test_item_log_no_delete BEFORE DELETE ON sb_test_item_log FOR EACH ROW
BEGIN
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'sb_test_item_log is append-only';
END;
