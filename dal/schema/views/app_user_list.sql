-- The users the caller may see, with whether they can log in.
CREATE OR REPLACE VIEW doudi.app_user_list WITH (security_invoker = true) AS
  SELECT u.role_name, u.display_name, u.group_role, u.region_scope, coalesce(u.department, '') AS department,
         u.disabled, r.rolcanlogin AS can_login, u.created_at, u.created_by
  FROM doudi.app_user AS u LEFT JOIN pg_roles AS r ON r.rolname = u.role_name;
REVOKE ALL ON doudi.app_user_list FROM PUBLIC;
GRANT SELECT ON doudi.app_user_list TO doudi_user;
