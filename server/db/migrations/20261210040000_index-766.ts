// Issue "Steering by figures", item 4: the Decision 766/QĐ-TTg index computed locally (docs/domain/
// reports.md, "Decision 766 index"). Its weights and caps are versions with the day each takes effect:
// a period is scored by the version in force on its first day, so a new version never rescores a past
// period; versions are added by a migration, never changed or removed (the trigger below), and the
// runtime role only reads them. Beside the local score: the national portal's official score, recorded
// per agency and period by a province administrator.
import { sql, type Kysely } from 'kysely';

/**
 * The formulas of legal-notes §5 D2 (the national portal's reporting as read from its API, [3P]):
 * points = min(max, max × rate / fullAt) per indicator, a group capped at its maximum; ifNone: what an
 * indicator scores with nothing to divide by (D2: satisfaction 0 "if no data", petitions 6 "if none").
 */
export const D2_FORMULAS = {
  groups: [
    {
      key: 'transparency',
      name: 'Công khai, minh bạch',
      max: 18,
      indicators: [
        {
          key: 'PUBLISH_ON_TIME',
          name: 'Thủ tục hành chính được công bố đúng hạn',
          max: 6,
          fullAt: 1,
          ifNone: 'none',
        },
        {
          key: 'PUBLIC_UPDATE_ON_TIME',
          name: 'Cập nhật, công khai thủ tục đúng hạn',
          max: 4,
          fullAt: 1,
          ifNone: 'none',
        },
        {
          key: 'PUBLIC_CONTENT_FULL',
          name: 'Công khai đầy đủ nội dung thủ tục',
          max: 2,
          fullAt: 1,
          ifNone: 'none',
        },
        {
          key: 'DOSSIER_SYNC',
          name: 'Hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia',
          max: 6,
          fullAt: 1,
          ifNone: 'none',
        },
      ],
    },
    {
      key: 'progress',
      name: 'Tiến độ giải quyết',
      max: 20,
      indicators: [
        {
          key: 'DOSSIER_ON_TIME',
          name: 'Hồ sơ giải quyết trước hạn, đúng hạn',
          max: 20,
          fullAt: 1,
          ifNone: 'none',
        },
      ],
    },
    {
      key: 'online',
      name: 'Dịch vụ công trực tuyến',
      max: 12,
      indicators: [
        {
          key: 'ONLINE_PROCEDURES',
          name: 'Thủ tục cung cấp dịch vụ công trực tuyến (toàn trình, một phần)',
          max: 2,
          fullAt: 0.8,
          ifNone: 'none',
        },
        {
          key: 'ONLINE_PROCEDURES_USED',
          name: 'Thủ tục trực tuyến có phát sinh hồ sơ trực tuyến',
          max: 4,
          fullAt: 1,
          ifNone: 'none',
        },
        { key: 'ONLINE_DOSSIERS', name: 'Hồ sơ tiếp nhận trực tuyến', max: 6, fullAt: 0.5, ifNone: 'none' },
      ],
    },
    {
      key: 'payment',
      name: 'Thanh toán trực tuyến',
      max: 10,
      indicators: [
        {
          key: 'PAID_ONLINE_DOSSIERS',
          name: 'Hồ sơ có nghĩa vụ tài chính thanh toán trực tuyến thành công',
          max: 6,
          fullAt: 1,
          ifNone: 'none',
        },
        {
          key: 'PAID_ONLINE_PROCEDURES',
          name: 'Thủ tục có phí có giao dịch thanh toán trực tuyến',
          max: 2,
          fullAt: 0.8,
          ifNone: 'none',
        },
        {
          key: 'FEE_PROCEDURES_USED',
          name: 'Thủ tục có phí có phát sinh hồ sơ',
          max: 2.5,
          fullAt: 1,
          ifNone: 'none',
        },
      ],
    },
    {
      key: 'satisfaction',
      name: 'Mức độ hài lòng',
      max: 18,
      indicators: [
        {
          key: 'DOSSIER_RECEIVING_SATISFACTION',
          name: 'Hài lòng trong tiếp nhận, giải quyết thủ tục',
          max: 6,
          fullAt: 0.9,
          ifNone: 'zero',
        },
        {
          key: 'PETITION_PROCESSING_ON_TIME',
          name: 'Phản ánh, kiến nghị xử lý đúng hạn',
          max: 6,
          fullAt: 1,
          ifNone: 'full',
        },
        {
          key: 'PETITION_HANDLING_SATISFACTION',
          name: 'Hài lòng trong xử lý phản ánh, kiến nghị',
          max: 6,
          fullAt: 1,
          ifNone: 'full',
        },
      ],
    },
    {
      key: 'digitisation',
      name: 'Số hóa hồ sơ',
      max: 22,
      indicators: [
        {
          key: 'ORIGINAL_RESULT_AVAILABLE',
          name: 'Hồ sơ có kết quả điện tử',
          max: 6,
          fullAt: 1,
          ifNone: 'none',
        },
        {
          key: 'SO_HOA_GIAY_TO_GIAI_QUYET',
          name: 'Hồ sơ được số hóa thành phần',
          max: 4,
          fullAt: 1,
          ifNone: 'none',
        },
        {
          key: 'ELECTRONIC_CERTIFIED_COPY',
          name: 'Chứng thực bản sao điện tử từ bản chính',
          max: 2,
          fullAt: 1,
          ifNone: 'none',
        },
        {
          key: 'REUSED_DIGITIZED_DATA',
          name: 'Tái sử dụng dữ liệu đã số hóa',
          max: 2,
          fullAt: 0.8,
          ifNone: 'none',
        },
        {
          key: 'SYNCED_WITH_DVCQG_PERSONAL_STORAGE',
          name: 'Số hóa có kết nối kho dữ liệu để tái sử dụng',
          max: 4,
          fullAt: 1,
          ifNone: 'none',
        },
        {
          key: 'CITIZEN_DATA_CONNECTED_DOSSIER',
          name: 'Hồ sơ sử dụng dữ liệu dân cư',
          max: 2,
          fullAt: 1,
          ifNone: 'none',
        },
        {
          key: 'CITIZEN_DATA_CONNECTED_FORMALITY',
          name: 'Thủ tục kết nối dữ liệu dân cư',
          max: 2,
          fullAt: 1,
          ifNone: 'none',
        },
      ],
    },
  ],
};

/** The first version: the day Decision 766/QĐ-TTg was signed. */
export const D2_VERSION = { version: 'QD766-DVCQG-D2', validFrom: '2022-06-23' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const run = async (q: ReturnType<typeof sql>) => {
    await q.execute(db);
  };
  await run(sql`CREATE TABLE index_766_formula_versions (
  version text PRIMARY KEY CHECK (version ~ '^[A-Za-z0-9._-]{1,40}$'),
  valid_from date NOT NULL UNIQUE,
  formulas jsonb NOT NULL CHECK (jsonb_typeof(formulas -> 'groups') = 'array'),
  source text NOT NULL CHECK (length(source) BETWEEN 1 AND 1000),
  created_at timestamptz NOT NULL DEFAULT now()
)`);
  await run(
    sql`COMMENT ON TABLE index_766_formula_versions IS 'Versions of the Decision 766/QĐ-TTg index formulas (groups, indicators, maxima, the rate of full points, what an indicator scores with nothing to divide by; common/reports/index-766.ts Formula766). A period is scored by the version in force on its first day (the latest valid_from on or before it). Added by a migration only, with a valid_from after every other version''s and after today, so no past period is rescored; never updated or deleted.'`,
  );
  await run(
    sql`COMMENT ON COLUMN index_766_formula_versions.source IS 'Where the weights come from (a document, or the national portal''s reporting as observed).'`,
  );
  await run(sql`INSERT INTO index_766_formula_versions (version, valid_from, formulas, source) VALUES (
    ${D2_VERSION.version}, ${D2_VERSION.validFrom}::date, ${JSON.stringify(D2_FORMULAS)}::jsonb,
    ${'legal-notes §5 D2: the six groups as the national portal computes them (/api/v1/reporting/evaluation/*), reverse-engineered [3P]; Decision 766/QĐ-TTg of 23/6/2022.'})`);
  await run(sql`CREATE FUNCTION index_766_formula_guard() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    RAISE EXCEPTION 'a version of the 766 formulas is never changed or removed: add a new one';
  END IF;
  IF NEW.valid_from <= ((now() AT TIME ZONE 'UTC') + interval '7 hours')::date THEN
    RAISE EXCEPTION 'a new version of the 766 formulas takes effect after today, not on %', NEW.valid_from;
  END IF;
  IF EXISTS (SELECT 1 FROM index_766_formula_versions WHERE valid_from >= NEW.valid_from) THEN
    RAISE EXCEPTION 'a new version of the 766 formulas takes effect after every other version';
  END IF;
  RETURN NEW;
END $fn$`);
  await run(sql`CREATE TRIGGER index_766_formula_versions_guard
    BEFORE INSERT OR UPDATE OR DELETE ON index_766_formula_versions
    FOR EACH ROW EXECUTE FUNCTION index_766_formula_guard()`);
  await run(sql`CREATE TRIGGER index_766_formula_versions_no_truncate
    BEFORE TRUNCATE ON index_766_formula_versions
    FOR EACH STATEMENT EXECUTE FUNCTION index_766_formula_guard()`);
  await run(sql`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON index_766_formula_versions FROM motcua_runtime`);

  await run(sql`CREATE TABLE index_766_official_scores (
  agency_id bigint NOT NULL REFERENCES agencies(agency_id),
  period text NOT NULL CHECK (period ~ '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$'),
  score numeric(5,2) NOT NULL CHECK (score >= 0 AND score <= 100),
  source_note text NOT NULL CHECK (length(source_note) BETWEEN 1 AND 500),
  recorded_at timestamptz NOT NULL,
  recorded_by bigint NOT NULL REFERENCES users(user_id),
  PRIMARY KEY (agency_id, period)
)`);
  await run(
    sql`COMMENT ON TABLE index_766_official_scores IS 'The national portal''s official Decision 766 score of an agency (or of a province, at its people''s committee) for a period, recorded by a province-admin reaching it beside the locally computed score (legal-notes D2: "always display DVCQG''s official score alongside"); a new record for the same period replaces the old, both in the audit trail (reports.index-766-official-recorded).'`,
  );
  await run(
    sql`COMMENT ON COLUMN index_766_official_scores.period IS 'A year (2026), a quarter (2026-Q4) or a month (2026-11), as the national portal reports by year, quarter and month.'`,
  );
  await run(
    sql`COMMENT ON COLUMN index_766_official_scores.source_note IS 'Where the figure was read: the portal''s page, a report or a letter, and when.'`,
  );
}
