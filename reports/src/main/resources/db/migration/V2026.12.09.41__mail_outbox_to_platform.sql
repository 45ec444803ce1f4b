-- Residents' e-mails moved to the platform's outbox (mail_outbox), which every module uses: the
-- messages still waiting, and those kept for their retention period, move across with their state.
insert into mail_outbox (about, recipient, subject, body, created_at, attempts, next_attempt_at, sent_at, last_error)
select 'report ' || report_id, recipient, subject, body, created_at, attempts, next_attempt_at, sent_at, last_error
from report_mail_outbox
order by id;
drop table report_mail_outbox;
