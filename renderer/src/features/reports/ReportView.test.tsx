// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportFixture } from './reportFixture';
import { ReportView } from './ReportView';
import { useReports } from './reportsStore';

describe('the report view', () => {
  beforeEach(() => useReports.setState({ selectedId: null, report: null, reportError: null }));
  afterEach(cleanup);

  it('asks to choose a report, then loads, then shows an error in words', () => {
    const { rerender } = render(<ReportView />);
    expect(screen.getByText('Choose a report to read it.')).toBeTruthy();
    useReports.setState({ selectedId: 'r' });
    rerender(<ReportView />);
    expect(screen.getByTestId('report-loading')).toBeTruthy();
    useReports.setState({ reportError: 'report "r" not found' });
    rerender(<ReportView />);
    expect(screen.getByTestId('report-error').textContent).toContain('report "r" not found');
  });

  it('shows completeness with gaps, findings, statistics and the comparison', () => {
    useReports.setState({ selectedId: reportFixture.id, report: reportFixture });
    render(<ReportView />);
    expect(screen.getByTestId('report-window').textContent).toBe(
      '2017-02-22 00:00Z – 2017-02-23 00:00Z',
    );
    expect(screen.getByTestId('report-completeness-total').textContent).toBe('75.0 %');
    const wind = screen.getByTestId('completeness-sattelberg.aws.wind_speed');
    expect(wind.textContent).toContain('108 / 144');
    expect(wind.textContent).toContain('2017-02-22 01:00Z – 2017-02-22 05:50Z');
    // A datastream without cadence has statistics but no completeness row.
    expect(screen.queryByTestId('completeness-sattelberg.aws.note')).toBeNull();
    expect(screen.getByTestId('statistics-sattelberg.aws.note').textContent).toContain('—');

    const findings = screen.getAllByTestId('finding-row');
    expect(findings.map((row) => row.dataset.check)).toEqual(['stuck', 'range']);
    // The check is a word in the row, not only a colour; data stays text.
    expect(within(findings[1]!).getByText('range')).toBeTruthy();
    expect(findings[1]!.innerHTML).toContain('&lt;b&gt;not bold&lt;/b&gt;');

    const stats = screen.getByTestId('statistics-sattelberg.aws.wind_speed').textContent ?? '';
    expect(stats).toContain('14.2');
    expect(stats).toContain('0…75 (default for wind speed)');
    const comparison = screen.getByTestId(
      'comparison-ellboegen.aws.air_temperature-sattelberg.aws.air_temperature',
    );
    expect(comparison.textContent).toContain('6.123');
    expect(comparison.textContent).toContain('140');
  });

  it('links the CSV download and the printable page of this report', () => {
    useReports.setState({ selectedId: reportFixture.id, report: reportFixture });
    render(<ReportView />);
    const csv = screen.getByTestId('report-download-csv');
    expect(csv.getAttribute('href')).toBe('/api/v1/reports/report-manual-1/csv');
    expect(csv.hasAttribute('download')).toBe(true);
    const html = screen.getByTestId('report-open-html');
    expect(html.getAttribute('href')).toBe('/api/v1/reports/report-manual-1/html');
    expect(html.getAttribute('rel')).toContain('noopener');
  });

  it('says when every check passed', () => {
    useReports.setState({ selectedId: 'x', report: { ...reportFixture, findings: [] } });
    render(<ReportView />);
    expect(screen.getByTestId('report-findings-empty').textContent).toContain('every check passed');
  });
});
