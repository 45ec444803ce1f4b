-- PostGIS itself. In the private cluster the application's user is the owner and may create it;
-- on an existing database an administrator creates the extension first.
create extension if not exists postgis;
