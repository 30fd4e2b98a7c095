-- A purchase asks two questions of a partner's years of one offering (MembershipYearTables), and neither may cost more
-- as the partner's history grows. The former index ordered the open years by anniversary: the renewable question,
-- asked as a prepared statement whose generic plan walked it in `order by anniversary limit 1` order, read every open
-- year of the offering to find none renewable (34,000 years: 25-38 ms, inside the purchase's turn).
drop index membership_year_renewable;

-- Renewable: an open year whose renewal window has opened. Years whose window has not opened yet (all a partner
-- bought in the last eleven months) lie past the range's end; earlier ones are renewed or closed, so out of the index.
create index membership_year_open_windows on membership_year (partner_id, offering, renewal_window_opens)
    where renewed_by is null and not closed;

-- Held during a year: the years whose anniversary lies within a year of it, renewed ones included.
create index membership_year_held on membership_year (partner_id, offering, anniversary)
    where not closed;
