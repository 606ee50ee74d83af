import { stationOptions, subtreeIds, treeOrder } from './station-tree';

const stations = [
  { id: 'd', parentId: null, name: '宝安区' },
  { id: 's2', parentId: 'd', name: '新安街道' },
  { id: 's1', parentId: 'd', name: '西乡街道' },
  { id: 'c1', parentId: 's1', name: '渔业社区' },
  { id: 'c2', parentId: 's2', name: '安乐社区' },
];

describe('subtreeIds', () => {
  test('a street includes its communities and not its siblings', () => {
    expect([...subtreeIds(stations, 's1')].sort()).toEqual(['c1', 's1']);
    expect(subtreeIds(stations, 'd').size).toBe(5);
    expect(subtreeIds(stations, 'nope').size).toBe(0);
  });

  test('does not loop on a cycle in bad data', () => {
    const cyclic = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ];
    expect([...subtreeIds(cyclic, 'a')].sort()).toEqual(['a', 'b']);
  });
});

describe('treeOrder / stationOptions', () => {
  test('parents come before children, siblings by name', () => {
    expect(treeOrder(stations).map(({ station, depth }) => `${depth}:${station.id}`)).toEqual([
      '0:d',
      '1:s1',
      '2:c1',
      '1:s2',
      '2:c2',
    ]);
  });

  test('a station whose parent is out of scope becomes a root (station_staff view)', () => {
    const scoped = stations.filter((s) => s.id === 's1' || s.id === 'c1');
    expect(stationOptions(scoped)).toEqual([
      { value: 's1', label: '西乡街道' },
      { value: 'c1', label: '　渔业社区' },
    ]);
  });
});
