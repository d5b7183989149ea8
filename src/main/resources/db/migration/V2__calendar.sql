-- Calendar years loaded by an administrator (PUT /api/calendar/years/{year}). Append-only: a
-- correction is a new revision, the highest revision of a year is the one in force, and a year with
-- no row here comes from the files shipped in the application (calendar/vn/<year>.yaml).
create table calendar_year (
    year_number integer    not null,
    revision    integer    not null,
    document    text       not null,
    loaded_at   timestamp  not null,
    primary key (year_number, revision)
);
