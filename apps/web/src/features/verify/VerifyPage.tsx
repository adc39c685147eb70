import {
  Alert,
  Button,
  Container,
  FileButton,
  Group,
  SegmentedControl,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { QueryState } from '../../app/QueryState';
import { Language, setLanguage } from '../../i18n';
import { useVerificationOf, useVerifyDocument } from './useVerification';
import { VerificationCard } from './VerificationCard';

/**
 * Anyone, without an account, checks a Cascade micro-credential: by its number (the QR code on
 * the certificate leads here) or by pasting or uploading the credential file.
 */
export function VerifyPage() {
  const { t, i18n } = useTranslation();
  const { number } = useParams();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(number ?? '');
  const [pasted, setPasted] = useState('');
  const [unreadable, setUnreadable] = useState(false);
  const byNumber = useVerificationOf(number);
  const byDocument = useVerifyDocument();

  const lookUp = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim()) navigate(`/verify/${encodeURIComponent(typed.trim())}`);
  };
  const verifyText = (text: string) => {
    try {
      const credential = JSON.parse(text) as Record<string, unknown>;
      setUnreadable(false);
      byDocument.mutate(credential);
    } catch {
      setUnreadable(true);
    }
  };
  const documentError = byDocument.error instanceof ApiError ? byDocument.error.message : null;

  return (
    <Container size="sm" py="xl" component="main">
      <Stack>
        <Group justify="space-between">
          <Title order={1} size="h2">
            {t('verify.title')}
          </Title>
          <SegmentedControl
            size="xs"
            aria-label={t('nav.language')}
            value={i18n.language}
            onChange={(value) => setLanguage(value as Language)}
            data={[
              { value: 'mn', label: 'MN' },
              { value: 'en', label: 'EN' },
            ]}
          />
        </Group>
        <form onSubmit={lookUp}>
          <Group align="end">
            <TextInput
              label={t('verify.number')}
              placeholder="MC-2026-000123"
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button type="submit">{t('verify.lookUp')}</Button>
          </Group>
        </form>
        {number && (
          <QueryState query={byNumber}>{(result) => <VerificationCard result={result} />}</QueryState>
        )}
        <Textarea
          label={t('verify.paste')}
          autosize
          minRows={3}
          maxRows={10}
          value={pasted}
          onChange={(e) => setPasted(e.currentTarget.value)}
          error={unreadable ? t('verify.unreadable') : undefined}
        />
        <Group>
          <Button variant="light" onClick={() => verifyText(pasted)} loading={byDocument.isPending}>
            {t('verify.verifyDocument')}
          </Button>
          <FileButton
            accept="application/json,application/ld+json,.json,.jsonld"
            onChange={(file) => file?.text().then(verifyText)}
          >
            {(props) => (
              <Button variant="default" {...props}>
                {t('verify.upload')}
              </Button>
            )}
          </FileButton>
        </Group>
        {documentError && (
          <Alert color="red" role="alert">
            {documentError}
          </Alert>
        )}
        {byDocument.data && <VerificationCard result={byDocument.data} />}
      </Stack>
    </Container>
  );
}
