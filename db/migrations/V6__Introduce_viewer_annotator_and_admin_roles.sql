-- Three roles instead of two. Viewers read documents and dashboards and export; annotators also relabel; admins also
-- adjudicate, assign work, import, train, and manage users and codebooks. Everyone who was an analyst labelled and
-- exported, so they become annotators.
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
UPDATE app_user SET role = 'annotator' WHERE role = 'analyst';
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN ('viewer', 'annotator', 'admin'));
