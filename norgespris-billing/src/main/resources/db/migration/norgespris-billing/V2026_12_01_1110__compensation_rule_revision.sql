-- The compensation rules are month-wide billing data too (see cis-core's billing_data_revision).
create trigger compensation_rule_revision_bump after insert or update or delete or truncate on compensation_rule
    for each statement execute function bump_billing_data_revision();
