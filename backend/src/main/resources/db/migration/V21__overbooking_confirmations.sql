-- Overbooking follows the confirmations (issue 14): persons of tickets whose holders said they come (or
-- who are in) are counted as certain; the model then bounds the risk over the remaining, unconfirmed
-- places only. Kept beside the allowance for the dashboard, like the model's other inputs.
ALTER TABLE offer ADD COLUMN overbooking_certain_persons integer NOT NULL DEFAULT 0
    CONSTRAINT offer_overbooking_certain_persons_range CHECK (overbooking_certain_persons >= 0);
