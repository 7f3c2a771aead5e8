// The Hải Dương round of seed 003: Kế hoạch 102-KH/TU of 19/09/2022 on the 5-year review of
// 20-NQ/TW, with its four levels and deadlines (II.2, III). For round tests only.
import type { OpenReportingRoundData } from './commands.js';

const SEED_003 = 'seeds/003_954d3d02e4da273a.txt';

/** OpenReportingRound data for Hải Dương's review, as the seed states it. */
export const haiDuongReview: OpenReportingRoundData = {
  tenant: 'hai-duong',
  round: 'so-ket-5-nam-20-nq-tw',
  title: 'Sơ kết 05 năm thực hiện Nghị quyết số 20-NQ/TW',
  implements: ['20-NQ/TW'],
  document: {
    number: '102-KH/TU',
    kind: 'Kế hoạch',
    issuer: 'Tỉnh ủy Hải Dương',
    issuedOn: '2022-09-19',
    title: 'Kế hoạch sơ kết 05 năm thực hiện Nghị quyết số 20-NQ/TW',
  },
  levels: [
    {
      level: 'commune',
      reporters: 'Cấp ủy cơ sở',
      reportsTo: 'Đảng ủy cấp trên trực tiếp',
      deadline: '2022-10-01',
      written: 'xong trước ngày 01/10/2022',
    },
    {
      level: 'district',
      reporters: 'Ban Thường vụ các huyện ủy, thị ủy, thành ủy, Đảng ủy trực thuộc Tỉnh ủy',
      reportsTo: 'Ban Thường vụ Tỉnh ủy (qua Ban Tuyên giáo Tỉnh ủy và Sở Y tế)',
      deadline: '2022-10-15',
      written: 'xong trước ngày 15/10/2022',
    },
    {
      level: 'province',
      reporters: 'Sở Y tế',
      reportsTo: 'Ban Tuyên giáo Tỉnh ủy',
      deadline: '2022-10-25',
      written: 'trước ngày 25/10/2022',
    },
    {
      level: 'centre',
      reporters: 'Ban Tuyên giáo Tỉnh ủy',
      reportsTo: 'Thường trực Tỉnh ủy',
      deadline: '2022-10-30',
      written: 'trước ngày 30/10/2022',
    },
  ],
  outline: [
    // The outline (Đề cương) as written, "QUẢN TRIỆT" included.
    { section: 'I', title: 'CÔNG TÁC QUẢN TRIỆT TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT 20-NQ/TW' },
    {
      section: 'II',
      title: 'NHỮNG KẾT QUẢ ĐẠT ĐƯỢC',
      items: [
        {
          section: '1',
          title:
            'Kết quả bước đầu thực hiện các mục tiêu đề ra trong Nghị quyết và các chương trình, kế hoạch hành động của tỉnh, của địa phương',
        },
        { section: '2', title: 'Việc thực hiện các nhiệm vụ và giải pháp' },
      ],
    },
    { section: 'III', title: 'ĐÁNH GIÁ CHUNG' },
    { section: 'IV', title: 'PHƯƠNG HƯỚNG, NHIỆM VỤ VÀ GIẢI PHÁP' },
    { section: 'V', title: 'ĐỀ XUẤT, KIẾN NGHỊ' },
  ],
  source: `${SEED_003}, II.2, III and Đề cương`,
};
