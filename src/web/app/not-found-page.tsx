import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { paths } from './paths';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center py={80}>
      <Stack align="center">
        <Title order={1} size="h2">
          {t('notFound.title')}
        </Title>
        <Text c="dimmed">{t('notFound.text')}</Text>
        <Button component={Link} to={paths.home}>
          {t('notFound.home')}
        </Button>
      </Stack>
    </Center>
  );
}
