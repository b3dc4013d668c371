-- A knowledge-update order remembers which version of its entry was live
-- when it was reported (or reopened): only a version published since then
-- answers it as "已发布新版本".
ALTER TABLE kb_updates ADD COLUMN reported_version_id INT UNSIGNED NULL AFTER version_id;
UPDATE kb_updates k JOIN kb_entries e ON e.id = k.entry_id
  SET k.reported_version_id = e.published_version_id
  WHERE k.state IN ('open', 'reopened');
