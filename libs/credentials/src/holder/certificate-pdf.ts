import PDFDocument from 'pdfkit';
import * as QRCode from 'qrcode';
import { DEJAVU, fontFile } from '@cascade/platform';

export interface CertificateFacts {
  fullName: string;
  title: string;
  titleMn: string | null;
  issuer: string;
  country: string | null;
  number: string;
  issuedOn: string;
  workloadHours: number | null;
  ects: number | null;
  eqfLevel: number | null;
  verifyUrl: string;
  credentialUrl: string;
}

/** The holder's certificate: one A4 landscape page in Mongolian and English, with a QR code to the verify page. */
export async function certificatePdf(facts: CertificateFacts): Promise<Buffer> {
  const qr = await QRCode.toBuffer(facts.verifyUrl, {
    type: 'png',
    margin: 1,
    width: 220,
    errorCorrectionLevel: 'M',
  });
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 50, info: { Title: facts.title } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fontFile(DEJAVU.regular));
  doc.registerFont('bold', fontFile(DEJAVU.bold));
  const width = doc.page.width - 100;
  const centred = { align: 'center' as const, width };

  doc.font('bold').fontSize(28).text('ГЭРЧИЛГЭЭ · CERTIFICATE', 50, 60, centred);
  doc.font('regular').fontSize(12).text('Бичил мэргэшлийн гэрчилгээ · Micro-credential', centred);
  doc.moveDown(1.5).fontSize(12).text('Энэхүү гэрчилгээг · This certifies that', centred);
  doc.moveDown(0.5).font('bold').fontSize(24).text(facts.fullName, centred);
  doc
    .moveDown(0.5)
    .font('regular')
    .fontSize(12)
    .text('дараах бичил мэргэшлийг эзэмшсэнийг гэрчилнэ · has earned', centred);
  doc
    .moveDown(0.5)
    .font('bold')
    .fontSize(18)
    .text(facts.titleMn ?? facts.title, centred);
  if (facts.titleMn && facts.titleMn !== facts.title)
    doc.font('regular').fontSize(14).text(facts.title, centred);

  const workload = [
    facts.workloadHours ? `${facts.workloadHours} цаг · hours` : null,
    facts.ects ? `${facts.ects} ECTS` : null,
    facts.eqfLevel ? `EQF ${facts.eqfLevel}` : null,
  ].filter(Boolean);
  const lines = [
    `Олгосон байгууллага · Awarding body: ${facts.issuer}${facts.country ? ` (${facts.country})` : ''}`,
    `Олгосон огноо · Date of issue: ${facts.issuedOn}`,
    `Дугаар · Number: ${facts.number}`,
    ...(workload.length > 0 ? [`Ачаалал · Workload: ${workload.join(', ')}`] : []),
  ];
  doc.font('regular').fontSize(11);
  let y = doc.page.height - 200;
  for (const line of lines) {
    doc.text(line, 50, y, { width: width - 200 });
    y += 18;
  }
  doc.fontSize(8).text(`Баталгаажуулах · Verify: ${facts.verifyUrl}`, 50, y + 6, { width: width - 200 });
  doc.text(`Verifiable credential (Open Badges 3.0): ${facts.credentialUrl}`, { width: width - 200 });
  doc.image(qr, doc.page.width - 50 - 150, doc.page.height - 210, { width: 150 });
  doc.end();
  return done;
}
