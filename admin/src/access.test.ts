import { accessFor, type AccessFlag, type AccessFlags } from './access';

const ALL_FLAGS: AccessFlag[] = [
  'canViewDashboard',
  'canEditContent',
  'canReview',
  'canHandleBookings',
  'canManageActivities',
  'canManageCounselors',
  'canViewOwnStations',
  'canManageStations',
  'canManageStaff',
  'canViewStats',
];

/** The full flag object with exactly `granted` set, so a flag added later defaults to "denied" in every row. */
function only(granted: AccessFlag[]): AccessFlags {
  return Object.fromEntries(ALL_FLAGS.map((flag) => [flag, granted.includes(flag)])) as Record<AccessFlag, boolean>;
}

describe('accessFor', () => {
  test('the test table covers every flag accessFor returns', () => {
    expect(Object.keys(accessFor(null)).sort()).toEqual([...ALL_FLAGS].sort());
  });

  test.each<[string, { role: string } | null | undefined, AccessFlag[]]>([
    ['signed out (null)', null, []],
    ['signed out (undefined)', undefined, []],
    ['editor', { role: 'editor' }, ['canViewDashboard', 'canEditContent']],
    ['reviewer', { role: 'reviewer' }, ['canViewDashboard', 'canReview']],
    [
      'station_staff',
      { role: 'station_staff' },
      ['canViewDashboard', 'canHandleBookings', 'canManageActivities', 'canManageCounselors', 'canViewOwnStations'],
    ],
    ['district_admin', { role: 'district_admin' }, ALL_FLAGS],
    ['a role this build does not know gets nothing', { role: 'auditor' }, []],
    ['role names are exact (no case folding)', { role: 'District_Admin' }, []],
    ['an empty role gets nothing', { role: '' }, []],
  ])('%s', (_title, user, granted) => {
    expect(accessFor(user)).toEqual(only(granted));
  });

  test('returns a fresh object, so a caller mutating it cannot grant access to the next caller', () => {
    const first = accessFor({ role: 'editor' });
    first.canManageStaff = true;
    expect(accessFor({ role: 'editor' }).canManageStaff).toBe(false);
    expect(accessFor(null).canManageStaff).toBe(false);
  });
});
