import { DatesProvider, MonthPickerInput } from '@mantine/dates';
import '@mantine/dates/styles.css';
import dayjs from 'dayjs';
import 'dayjs/locale/nb';
import { useI18n } from '../i18n/i18n';

/**
 * A month (`2026-02`) chosen from a calendar of months, its name in the UI's language ("februar 2026" on a bokmål page)
 * rather than the browser's, as a native month input would show it. Each month and year is a button named in full
 * ("februar 2026"), so it is found by keyboard and screen reader.
 */
export function MonthField({ label, value, onChange, error, required }: {
  label: string;
  value: string;
  onChange: (month: string) => void;
  error?: string;
  required?: boolean;
}) {
  const { t, language } = useI18n();
  const locale = language === 'en' ? 'en' : 'nb';
  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>
      <MonthPickerInput
        label={label}
        required={required}
        withAsterisk={required}
        error={error}
        value={/^\d{4}-\d{2}$/.test(value) ? `${value}-01` : null}
        onChange={(v) => onChange(v ? String(v).slice(0, 7) : '')}
        valueFormat="MMMM YYYY"
        placeholder={t.chooseMonth}
        popoverProps={{ withinPortal: true }}
        getMonthControlProps={(date) => ({ 'aria-label': dayjs(date).locale(locale).format('MMMM YYYY') })}
        ariaLabels={{ nextYear: t.nextYear, previousYear: t.previousYear, nextDecade: t.nextDecade, previousDecade: t.previousDecade,
          yearLevelControl: t.chooseYear }}
        miw={200}
      />
    </DatesProvider>
  );
}
