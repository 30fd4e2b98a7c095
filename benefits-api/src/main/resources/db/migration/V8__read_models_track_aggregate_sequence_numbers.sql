-- Read models identify the events they reflect by their place in their aggregate's history, no longer by a global
-- position. A projection cannot know an event's global index: an event whose transaction commits after a later
-- index's reaches the processor as a gap fill, with a tracking token past its own index. Under concurrent writes
-- the stored "positions" therefore differed from a rebuild's, and auditors were shown positions that were wrong.

alter table software_benefit rename column last_event_position to last_event_sequence;
alter table cloud_benefit rename column last_event_position to last_event_sequence;
alter table visual_studio_seat rename column last_event_position to last_event_sequence;
alter table technical_benefit rename column last_event_position to last_event_sequence;
alter table gtm_contact rename column last_event_position to last_event_sequence;
alter table gtm_offer rename column last_event_position to last_event_sequence;
alter table refund_eligibility rename column last_event_position to last_event_sequence;
alter table refund_eligibility rename column purchase_position to purchase_sequence;
alter table refund_eligibility rename column cancellation_position to cancellation_sequence;
alter table refund_activation rename column global_position to sequence_number;

-- The values must be recomputed: the read models are emptied and their processors replay from the first event.
truncate software_benefit, cloud_benefit, visual_studio_seat, technical_benefit, gtm_contact, gtm_offer,
    refund_activation, refund_eligibility;
delete from token_entry where processor_name in ('software-tab', 'cloud-tab', 'visual-studio-tab', 'technical-tab',
                                                  'go-to-market-tab', 'refund-eligibility');
delete from dead_letter_entry where processing_group in ('software-tab', 'cloud-tab', 'visual-studio-tab',
                                                         'technical-tab', 'go-to-market-tab', 'refund-eligibility');
