-- The refund rule is settled by a package's first key reveal (RefundFacts): the read model keeps that one in the
-- package's row instead of a row per reveal.
alter table refund_eligibility
    add column first_activation_event_id   varchar(255),
    add column first_activation_event_type varchar(255),
    add column first_activated_at          timestamp(6) with time zone,
    add column first_activation_sequence   bigint;

update refund_eligibility r
set first_activation_event_id   = first.event_id,
    first_activation_event_type = first.event_type,
    first_activated_at          = first.at,
    first_activation_sequence   = first.sequence_number
from (select distinct on (package_id) package_id, event_id, event_type, at, sequence_number
      from refund_activation
      order by package_id, sequence_number) first
where first.package_id = r.package_id;

drop table refund_activation;

-- Snapshots and audit checkpoints of packages hold their former state, every reveal included, which the new state
-- would read as "never activated". Both are derived from the events and are taken again from them.
delete from snapshot_event_entry where type = 'BenefitPackage';
delete from audit_checkpoint where payload_type = 'io.benefitledger.pkg.BenefitPackage';
