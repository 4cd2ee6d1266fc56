CREATE TABLE sb_test_item_log (id INTEGER PRIMARY KEY, note VARCHAR(100));
INSERT INTO sb_test_item_log (id, note) VALUES (1, 'semicolon; inside a string');
