-- Both segments of the read side count the same products of a partner (UtilisationCounts): a count per segment, its
-- share, so that a segment's commit never waits for the other's transaction on the same row (3.9 ms per batch). The
-- report reads the sum of the shares through the view that takes the table's former name; the counts kept so far
-- become one share. segment -1 is what dead letters retried outside a segment's batch add.
alter table utilisation rename to utilisation_share;
alter table utilisation_share add column segment integer not null default 0;
alter table utilisation_share alter column segment drop default;
alter table utilisation_share drop constraint utilisation_pk,
    add constraint utilisation_share_pk primary key (partner_id, category, product, unit, segment);

create view utilisation as
select partner_id, category, product, unit,
       sum(benefits)::bigint as benefits, sum(allocated)::bigint as allocated, sum(used)::bigint as used
from utilisation_share
group by partner_id, category, product, unit;
