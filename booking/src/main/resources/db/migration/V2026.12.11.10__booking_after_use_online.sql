-- The extra owed after use (利用後内容確定) is paid at the counter or online through the same provider
-- as the fee: extra_method says how it was (or, while a checkout is open, is being) paid, and
-- extra_checkout_ref is the provider's checkout the webhook names.
alter table booking_after_use
    add column extra_method       text check (extra_method in ('counter', 'online')),
    add column extra_checkout_ref text unique;
update booking_after_use set extra_method = 'counter' where extra_paid_at is not null;
alter table booking_after_use
    add constraint booking_after_use_paid_how check (extra_paid_at is null or extra_method is not null);

-- The usage report is now queued in the platform's mail outbox with its dispatch row, not run as a job.
alter table booking_report_dispatch drop column job_id;
