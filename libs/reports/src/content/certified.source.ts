import { ColumnKey } from '../i18n/report-labels';
import { CellType, labelledColumn, ReportContext, ReportEvent, ReportSource } from './report-content';
import { countOf, listSection } from './row-stream';

export const CERTIFIED_COUNT_SQL = `SELECT 1 FROM certifications cert WHERE cert.programme_id = $1`;

/** Every certification of the programme, revoked ones too (with when and why). */
const CERTIFIED_SQL = `
  SELECT cert.number, p.full_name, p.email,
         CASE WHEN $2 = 'mn' THEN i.name_mn ELSE i.name END AS institution,
         CASE WHEN $2 = 'mn' THEN r.name_mn ELSE r.name END AS region,
         cert.issued_on::text AS issued_on, cert.revoked_on::text AS revoked_on, cert.revocation_reason
    FROM certifications cert
    JOIN people p ON p.id = cert.person_id
    JOIN institutions i ON i.id = p.institution_id
    JOIN regions r ON r.id = i.region_id
   WHERE cert.programme_id = $1
   ORDER BY cert.issued_on, cert.number`;

interface CertifiedRow {
  number: string;
  full_name: string;
  email: string;
  institution: string;
  region: string;
  issued_on: string;
  revoked_on: string | null;
  revocation_reason: string | null;
}

/** certified-list: number, person, institution, issued date and revocations. */
export const certifiedSource: ReportSource = {
  async prepare(context: ReportContext) {
    return {
      expectedRows: await countOf(context.client, CERTIFIED_COUNT_SQL, [context.programmeId]),
      events: certifiedEvents(context),
    };
  },
};

async function* certifiedEvents(context: ReportContext): AsyncGenerator<ReportEvent> {
  const { labels } = context;
  const column = (key: ColumnKey, type: CellType, width: number) => labelledColumn(labels, key, type, width);
  const columns = [
    column('number', 'text', 16),
    column('fullName', 'text', 24),
    { ...column('email', 'text', 26), spreadsheetOnly: true },
    column('institution', 'text', 26),
    column('region', 'text', 14),
    column('issuedOn', 'date', 11),
    column('certificationStatus', 'text', 10),
    column('revokedOn', 'date', 11),
    column('revocationReason', 'text', 24),
  ];
  yield* listSection<CertifiedRow>(
    context,
    { title: labels.sections.certifications, columns },
    { sql: CERTIFIED_SQL, params: [context.programmeId, context.language] },
    (row) => [
      row.number,
      row.full_name,
      row.email,
      row.institution,
      row.region,
      row.issued_on,
      labels.certificationStatus[row.revoked_on === null ? 'active' : 'revoked'],
      row.revoked_on,
      row.revocation_reason ?? '',
    ],
  );
}
