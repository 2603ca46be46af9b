-- Risk-bounded overbooking (issue 14): an organiser may let an edition's offers hand out a few places
-- beyond their capacity, as many as keep the chance that more persons arrive than the capacity at or
-- under a chosen risk (overbooking/OverbookingModel), computed from comparable history.

-- The edition's risk, in percent; none = no overbooking.
ALTER TABLE edition ADD COLUMN overbooking_risk numeric(5, 2)
    CONSTRAINT edition_overbooking_risk_range CHECK (overbooking_risk > 0 AND overbooking_risk <= 20);

-- Per offer: follow the edition (EDITION), never (OFF), or its own risk (CUSTOM).
-- overbooking_allowance is the places handed out beyond the capacity. They are in the offer's quota
-- slices with the capacity's (an allowance change moves the slices like a capacity change, with every
-- slice locked), so the claim's one conditional UPDATE (remaining >= party) and CHECK (remaining >= 0)
-- allow exactly capacity + allowance persons, with no second counter to keep in step.
-- The model's inputs and result are kept beside it for the dashboard (none = no comparable history).
ALTER TABLE offer
    ADD COLUMN overbooking_mode           text NOT NULL DEFAULT 'EDITION'
        CONSTRAINT offer_overbooking_mode_check CHECK (overbooking_mode IN ('EDITION', 'OFF', 'CUSTOM')),
    ADD COLUMN overbooking_risk           numeric(5, 2)
        CONSTRAINT offer_overbooking_risk_range CHECK (overbooking_risk > 0 AND overbooking_risk <= 20),
    ADD COLUMN overbooking_allowance      integer NOT NULL DEFAULT 0
        CONSTRAINT offer_overbooking_allowance_range CHECK (overbooking_allowance >= 0 AND overbooking_allowance <= capacity),
    ADD COLUMN overbooking_show_rate      double precision,
    ADD COLUMN overbooking_dispersion     double precision,
    ADD COLUMN overbooking_history_parties integer,
    ADD COLUMN overbooking_overflow_risk  double precision,
    ADD CONSTRAINT offer_overbooking_custom_has_risk CHECK ((overbooking_mode = 'CUSTOM') = (overbooking_risk IS NOT NULL)),
    -- never beyond capacity without the history that justifies it
    ADD CONSTRAINT offer_overbooking_needs_history CHECK (overbooking_allowance = 0 OR overbooking_history_parties > 0);
