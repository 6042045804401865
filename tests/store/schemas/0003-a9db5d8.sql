CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL,
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE appointments (
	id INTEGER NOT NULL,
	closer_id INTEGER NOT NULL,
	company_id INTEGER NOT NULL,
	prospect_id INTEGER NOT NULL,
	kind VARCHAR NOT NULL,
	wall_start VARCHAR NOT NULL,
	zone VARCHAR NOT NULL,
	fold INTEGER DEFAULT '0' NOT NULL,
	minutes INTEGER NOT NULL,
	start_utc INTEGER NOT NULL,
	end_utc INTEGER NOT NULL,
	status VARCHAR DEFAULT 'planned' NOT NULL,
	url VARCHAR DEFAULT '' NOT NULL,
	phone VARCHAR DEFAULT '' NOT NULL,
	reminder_minutes INTEGER DEFAULT '15' NOT NULL,
	outcome VARCHAR,
	deal_value VARCHAR,
	currency VARCHAR DEFAULT '' NOT NULL,
	commission_rate VARCHAR,
	lost_reason VARCHAR DEFAULT '' NOT NULL,
	uid VARCHAR NOT NULL,
	sequence INTEGER DEFAULT '0' NOT NULL,
	notes TEXT DEFAULT '' NOT NULL,
	previous_id INTEGER,
	created_utc INTEGER NOT NULL,
	updated_utc INTEGER NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT ck_minutes_positive CHECK (minutes > 0),
	CONSTRAINT ck_end_after_start CHECK (end_utc > start_utc),
	FOREIGN KEY(closer_id) REFERENCES closers (id),
	FOREIGN KEY(company_id) REFERENCES companies (id),
	FOREIGN KEY(prospect_id) REFERENCES prospects (id),
	UNIQUE (uid),
	FOREIGN KEY(previous_id) REFERENCES appointments (id) ON DELETE SET NULL
);
CREATE TABLE busy_blocks (
	id INTEGER NOT NULL,
	closer_id INTEGER NOT NULL,
	uid VARCHAR NOT NULL,
	recurrence_id VARCHAR DEFAULT '' NOT NULL,
	summary VARCHAR DEFAULT '' NOT NULL,
	start_utc INTEGER NOT NULL,
	end_utc INTEGER NOT NULL,
	all_day INTEGER DEFAULT '0' NOT NULL,
	sequence INTEGER DEFAULT '0' NOT NULL,
	source VARCHAR DEFAULT '' NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT uq_busy_uid UNIQUE (closer_id, uid, recurrence_id),
	FOREIGN KEY(closer_id) REFERENCES closers (id) ON DELETE CASCADE
);
CREATE TABLE closers (
	id INTEGER NOT NULL,
	name VARCHAR NOT NULL,
	email VARCHAR DEFAULT '' NOT NULL,
	zone VARCHAR NOT NULL,
	buffer_before INTEGER DEFAULT '0' NOT NULL,
	buffer_after INTEGER DEFAULT '0' NOT NULL,
	min_notice INTEGER DEFAULT '0' NOT NULL,
	daily_cap INTEGER,
	planned_week_minutes INTEGER,
	PRIMARY KEY (id),
	UNIQUE (name)
);
CREATE TABLE companies (
	id INTEGER NOT NULL,
	name VARCHAR NOT NULL,
	color VARCHAR DEFAULT '#3b82f6' NOT NULL,
	commission_rate VARCHAR DEFAULT '0.10' NOT NULL,
	default_kind VARCHAR DEFAULT 'video' NOT NULL,
	default_minutes INTEGER DEFAULT '45' NOT NULL,
	default_video_url VARCHAR DEFAULT '' NOT NULL,
	script TEXT DEFAULT '' NOT NULL,
	zone VARCHAR DEFAULT 'UTC' NOT NULL,
	country VARCHAR DEFAULT '' NOT NULL,
	PRIMARY KEY (id),
	UNIQUE (name)
);
CREATE TABLE date_overrides (
	id INTEGER NOT NULL,
	closer_id INTEGER NOT NULL,
	day VARCHAR NOT NULL,
	intervals VARCHAR DEFAULT '' NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT uq_override_day UNIQUE (closer_id, day),
	FOREIGN KEY(closer_id) REFERENCES closers (id) ON DELETE CASCADE
);
CREATE TABLE prospects (
	id INTEGER NOT NULL,
	name VARCHAR NOT NULL,
	organisation VARCHAR DEFAULT '' NOT NULL,
	email VARCHAR DEFAULT '' NOT NULL,
	phone VARCHAR DEFAULT '' NOT NULL,
	country VARCHAR DEFAULT '' NOT NULL,
	subdivision VARCHAR DEFAULT '' NOT NULL,
	zone VARCHAR NOT NULL,
	language VARCHAR DEFAULT 'en' NOT NULL,
	temperature VARCHAR DEFAULT 'warm' NOT NULL,
	need TEXT DEFAULT '' NOT NULL,
	motivations TEXT DEFAULT '' NOT NULL,
	blockages TEXT DEFAULT '' NOT NULL,
	notes TEXT DEFAULT '' NOT NULL,
	PRIMARY KEY (id)
);
CREATE TABLE script_ticks (
	appointment_id INTEGER NOT NULL,
	step INTEGER NOT NULL,
	text TEXT NOT NULL,
	ticked_utc INTEGER NOT NULL,
	PRIMARY KEY (appointment_id, step),
	CONSTRAINT ck_step_non_negative CHECK (step >= 0),
	FOREIGN KEY(appointment_id) REFERENCES appointments (id) ON DELETE CASCADE
);
CREATE TABLE settings (
	"key" VARCHAR NOT NULL,
	value VARCHAR NOT NULL,
	PRIMARY KEY ("key")
);
CREATE TABLE travel_periods (
	id INTEGER NOT NULL,
	closer_id INTEGER NOT NULL,
	first_day VARCHAR NOT NULL,
	last_day VARCHAR NOT NULL,
	zone VARCHAR NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(closer_id) REFERENCES closers (id) ON DELETE CASCADE
);
CREATE TABLE weekly_hours (
	id INTEGER NOT NULL,
	closer_id INTEGER,
	company_id INTEGER,
	prospect_id INTEGER,
	weekday INTEGER NOT NULL,
	start_min INTEGER NOT NULL,
	end_min INTEGER NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT ck_weekday CHECK (weekday BETWEEN 0 AND 6),
	CONSTRAINT ck_span CHECK (0 <= start_min AND start_min < end_min AND end_min <= 1440),
	CONSTRAINT ck_one_owner CHECK ((closer_id IS NOT NULL) + (company_id IS NOT NULL) + (prospect_id IS NOT NULL) = 1),
	FOREIGN KEY(closer_id) REFERENCES closers (id) ON DELETE CASCADE,
	FOREIGN KEY(company_id) REFERENCES companies (id) ON DELETE CASCADE,
	FOREIGN KEY(prospect_id) REFERENCES prospects (id) ON DELETE CASCADE
);
CREATE INDEX ix_appointments_closer_start ON appointments (closer_id, start_utc);
CREATE INDEX ix_appointments_minutes ON appointments (minutes);
CREATE INDEX ix_appointments_prospect ON appointments (prospect_id);
CREATE INDEX ix_appointments_prospect_start ON appointments (prospect_id, start_utc);
CREATE INDEX ix_appointments_start ON appointments (start_utc);
CREATE INDEX ix_busy_closer_start ON busy_blocks (closer_id, start_utc);
INSERT INTO alembic_version (version_num) VALUES ('0003');
