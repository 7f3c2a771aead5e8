// Reference data for unit tests of deciders: the real indicator catalogue and a few provinces around
// the 2025 merger of Bắc Kạn into Thái Nguyên. Tests of the registry itself build theirs from events.
import { INDICATORS } from '../catalogue/indicators.js';
import type { ProvinceInfo, Reference } from './reference.js';

export const TEST_PROVINCES: ProvinceInfo[] = [
  {
    id: 'kien-giang',
    code: '91',
    name: 'Kiên Giang',
    validFrom: null,
    validTo: '2025-06-30',
    successor: 'an-giang-2025',
    predecessors: [],
  },
  {
    id: 'an-giang',
    code: '89',
    name: 'An Giang',
    validFrom: null,
    validTo: '2025-06-30',
    successor: 'an-giang-2025',
    predecessors: [],
  },
  {
    id: 'an-giang-2025',
    code: '91',
    name: 'An Giang',
    validFrom: '2025-07-01',
    predecessors: ['an-giang', 'kien-giang'],
  },
  {
    id: 'bac-kan',
    code: '06',
    name: 'Bắc Kạn',
    validFrom: null,
    validTo: '2025-06-30',
    successor: 'thai-nguyen-2025',
    predecessors: [],
  },
  {
    id: 'thai-nguyen',
    code: '19',
    name: 'Thái Nguyên',
    validFrom: null,
    validTo: '2025-06-30',
    successor: 'thai-nguyen-2025',
    predecessors: [],
  },
  {
    id: 'thai-nguyen-2025',
    code: '19',
    name: 'Thái Nguyên',
    validFrom: '2025-07-01',
    predecessors: ['bac-kan', 'thai-nguyen'],
  },
  { id: 'lai-chau', code: '12', name: 'Lai Châu', validFrom: null, predecessors: [] },
  {
    id: 'hai-duong',
    code: '30',
    name: 'Hải Dương',
    validFrom: null,
    validTo: '2025-06-30',
    successor: 'hai-phong-2025',
    predecessors: [],
  },
];

/** A Reference over the real catalogue and TEST_PROVINCES. */
export function testReference(provinces: ProvinceInfo[] = TEST_PROVINCES): Reference {
  const byId = new Map(provinces.map((province) => [province.id, province]));
  const byCode = new Map(INDICATORS.map((indicator) => [indicator.code, indicator]));
  return {
    province: (id) => byId.get(id),
    indicator: (code) => byCode.get(code),
  };
}
