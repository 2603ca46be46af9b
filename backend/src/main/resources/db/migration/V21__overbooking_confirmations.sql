-- Overbooking follows the confirmations (issue 14): persons of tickets whose holders said they come (or
-- who are in) are counted as certain; the model then bounds the risk over the remaining, unconfirmed
-- places only. Kept beside the allowance for the dashboard, like the model's other inputs.
ALTER TABLE offer ADD COLUMN overbooking_certain_persons integer NOT NULL DEFAULT 0
    CONSTRAINT offer_overbooking_certain_persons_range CHECK (overbooking_certain_persons >= 0);

-- The model's allowance as last computed. When confirmations show that fewer places beyond capacity are
-- safe than those already handed out, the allowance cannot drop below what is booked; the places released
-- from then on shrink it down to this target instead of going back to claims and waiting lists.
ALTER TABLE offer ADD COLUMN overbooking_target integer NOT NULL DEFAULT 0
    CONSTRAINT offer_overbooking_target_range CHECK (overbooking_target >= 0);
UPDATE offer SET overbooking_target = overbooking_allowance;
