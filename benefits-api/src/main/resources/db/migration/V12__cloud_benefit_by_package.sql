-- A package's cloud rows are read by the package: all of a batch's aggregates at once while projecting (BatchRows),
-- and a refunded package's license-based subscriptions on its cancellation. Without this index each was a scan of
-- every partner's cloud subscriptions.
create index cloud_benefit_package_ix on cloud_benefit (package_id);
