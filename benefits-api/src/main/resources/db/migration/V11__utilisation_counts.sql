-- The utilisation report's counts per partner, category and product, kept by the tab projections as they change a
-- benefit (UtilisationCounts), so the report reads a few rows instead of adding up every benefit on each request.
-- benefits: how many benefits are counted (a row whose benefits are all revoked has none and is not reported).
create table utilisation (
    partner_id varchar(128) not null,
    category   varchar(32)  not null,
    product    varchar(255) not null,
    unit       varchar(32)  not null,
    benefits   bigint       not null,
    allocated  bigint       not null,
    used       bigint       not null,
    constraint utilisation_pk primary key (partner_id, category, product, unit)
);

-- Counted once from the tabs as they stand, so an upgrade needs no rebuild.
insert into utilisation (partner_id, category, product, unit, benefits, allocated, used)
select partner_id, category, product, unit, count(*), sum(allocated), sum(used)
from (
            select partner_id, 'SOFTWARE' as category, product_name as product, 'keys' as unit,
                   keys_allocated as allocated, keys_revealed as used
            from software_benefit where status <> 'REVOKED'
            union all
            select partner_id, 'CLOUD', name,
                   case kind when 'LICENSE_BASED' then 'keys' else 'subscriptions' end,
                   case kind when 'LICENSE_BASED' then keys_allocated else 1 end,
                   case kind when 'LICENSE_BASED' then keys_revealed when 'USAGE_BASED' then
                       case when assigned_user is null then 0 else 1 end end
            from cloud_benefit where status <> 'REVOKED'
            union all
            select partner_id, 'VISUAL_STUDIO', name, 'seats', 1, case when assigned_user is null then 0 else 1 end
            from visual_studio_seat where status <> 'REVOKED'
            union all
            select partner_id, 'TECHNICAL', name, lower(unit) || 's', quantity, drawn
            from technical_benefit where status <> 'REVOKED'
) allocation
group by partner_id, category, product, unit;
