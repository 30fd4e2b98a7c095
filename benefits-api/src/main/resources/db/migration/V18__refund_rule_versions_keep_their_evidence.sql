-- Each version of the refund rule stays in force for its term (RefundRules): refund-rule/1 lists every key reveal as
-- evidence, so the reveals after a package's first that were made while it was in force are kept again, here for the
-- read model, in the aggregate's state for the command side.
create table refund_later_activation (
    partner_id      varchar(128) not null,
    package_id      varchar(128) not null,
    event_id        varchar(255) not null,
    event_type      varchar(255) not null,
    at              timestamp(6) with time zone not null,
    sequence_number bigint       not null,
    constraint refund_later_activation_pk primary key (partner_id, package_id, sequence_number),
    constraint refund_later_activation_package_fk foreign key (package_id, partner_id)
        references refund_eligibility (package_id, partner_id) on delete cascade
);

-- The read model kept only the first reveal: it is emptied and its processor replays from the first event.
truncate refund_eligibility cascade;
delete from token_entry where processor_name = 'refund-eligibility';
delete from dead_letter_entry where processing_group = 'refund-eligibility';

-- Snapshots and audit checkpoints of packages hold the former state, without the later reveals refund-rule/1 needs;
-- both are derived from the events and are taken again from them.
delete from snapshot_event_entry where type = 'BenefitPackage';
delete from audit_checkpoint where payload_type = 'io.benefitledger.pkg.BenefitPackage';
