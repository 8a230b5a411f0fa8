// The pages' words. Vietnamese is the default; English is a switch for visitors.
// Shared by the board page, the wall display and the unit page so a term reads the same everywhere.

const STORAGE_KEY = 'leaderboard.lang';

const dictionaries = {
  vi: {
    'app.title': 'Bảng xếp hạng thi đua',
    'page.title': 'Bảng xếp hạng thi đua',
    'skip.toBoard': 'Đến bảng xếp hạng',
    'select.campaign': 'Đợt thi đua',
    'select.board': 'Bảng xếp hạng',
    'select.asOf': 'Số liệu đến hết ngày',
    'select.asOfHint': 'Để trống: trực tiếp',
    'select.asOfInvalid': 'Không phải một ngày: nhập dd/mm/yyyy, ví dụ 31/12/2024',
    'select.asOfRange': (from, to) => `Chọn một ngày từ ${from} đến ${to}: ngày có số liệu của đợt thi đua`,
    'choice.unknownCampaign': (id, shown) => `Không có đợt thi đua “${id}”; đang hiển thị “${shown}”.`,
    'choice.unknownBoard': (id, shown) => `Không có bảng “${id}” trong đợt thi đua này; đang hiển thị “${shown}”.`,
    'print.at': (time, day) => `In lúc ${time} ngày ${day}`,
    'summary.title': eligible => `Số đơn vị đạt chỉ tiêu, trong ${eligible} đơn vị đủ dữ liệu xếp hạng:`,
    'summary.indicator': (name, target, met, of) => `${name} (chỉ tiêu ${target}): ${met}/${of}`,
    'summary.all': (met, of) => `Đạt mọi chỉ tiêu tính điểm áp dụng với đơn vị: ${met}/${of}`,
    'sign.place': '…………, ngày …… tháng …… năm ……',
    'sign.preparer': 'Người lập biểu',
    'sign.preparerHint': '(Ký, ghi rõ họ tên)',
    'sign.approver': 'Thủ trưởng đơn vị',
    'sign.approverHint': '(Ký tên, đóng dấu)',
    'action.end': day => `Xếp hạng cuối đợt (${day})`,
    'action.live': 'Về số liệu trực tiếp',
    'action.csv': 'Tải bảng (CSV)',
    'action.print': 'In bảng',
    'board.titleLive': board => `${board} · trực tiếp`,
    'board.titleAsOf': (board, day) => `${board} · số liệu đến hết ngày ${day}`,
    'header.asOf': day => `số liệu đến hết ngày ${day}`,
    'conn.fixed': 'Số liệu ngày đã qua',
    'csv.unit': 'Mã đơn vị',
    'csv.name': 'Tên đơn vị',
    'csv.value': name => `${name} (%)`,
    'csv.numerator': name => `${name}: tử số`,
    'csv.denominator': name => `${name}: mẫu số`,
    'csv.met': name => `${name}: đạt chỉ tiêu`,
    'csv.previousRank': 'Hạng hôm trước',
    'csv.eligible': 'Đủ dữ liệu xếp hạng',
    'csv.yes': 'Có',
    'csv.no': 'Không',
    'csv.file': 'xep-hang',
    'search.label': 'Tìm đơn vị',
    'search.placeholder': 'Nhập tên, có dấu hoặc không dấu',
    'search.count': (shown, total) => `Hiển thị ${shown}/${total} đơn vị`,
    'search.none': 'Không có đơn vị nào khớp với từ khóa.',
    'board.loading': 'Đang tải bảng xếp hạng…',
    'board.empty': 'Bảng xếp hạng chưa có đơn vị nào.',
    'board.caption': 'Xếp hạng các đơn vị theo điểm thi đua',
    'error.campaigns': 'Không tải được danh sách đợt thi đua.',
    'error.board': 'Không tải được bảng xếp hạng.',
    'error.noCampaigns': 'Chưa có đợt thi đua nào.',
    'action.retry': 'Thử lại',
    'col.rank': 'Hạng',
    'col.movement': 'Thay đổi',
    'col.unit': 'Đơn vị',
    'col.score': 'Điểm',
    'col.weight': w => `trọng số ${w}`,
    'col.target': t => `chỉ tiêu ${t}`,
    'met.yes': 'Đạt',
    'met.no': 'Chưa đạt',
    'na': 'không áp dụng',
    'ineligible': 'chưa đủ dữ liệu',
    // One indicator with nothing counted yet (0/0), not to be confused with a unit below the minimum volume.
    'nodata': 'chưa có số liệu',
    'movement.up': n => `lên ${n} hạng`,
    'movement.down': n => `xuống ${n} hạng`,
    'movement.same': 'giữ nguyên hạng',
    // No line break inside "còn 180 ngày" (a narrow phone put "ngày" alone on the next line).
    'header.daysLeft': n => `còn\u00a0${n}\u00a0ngày`,
    'header.ended': 'Đã kết thúc',
    'header.demoDay': d => `Trình diễn · ngày ${d}`,
    'header.demo': 'Trình diễn',
    'header.startsOn': d => `Bắt đầu ${d}`,
    'header.updatedAt': t => `cập nhật lúc ${t}`,
    'header.period': (a, b) => `${a} – ${b}`,
    'conn.connecting': 'Đang kết nối…',
    'conn.connected': 'Đã kết nối',
    'conn.reconnecting': 'Đang kết nối lại…',
    'conn.disconnected': 'Mất kết nối — số liệu có thể đã cũ',
    'feed.title': 'Hoạt động mới',
    'feed.empty': 'Chưa có hoạt động mới.',
    'feed.targetReached': (unit, indicator, target) => `${unit} đạt ${indicator} ${target}`,
    'lang.switch': 'English',
    'lang.switchLabel': 'Switch to English',
    'footer.note': 'Tỷ lệ hiển thị được cắt bớt đến một chữ số thập phân, không làm tròn lên.',
    'nav.board': 'Bảng xếp hạng',
    'nav.wall': 'Màn hình thi đua',
    'wall.title': 'Màn hình thi đua',
    'wall.view.ranking': 'Xếp hạng',
    'wall.view.targets': 'Tình hình đạt chỉ tiêu',
    'wall.view.movers': 'Biến động hôm nay',
    'wall.page': (p, n) => `Trang ${p}/${n}`,
    'wall.daysLeft': 'ngày còn lại',
    'wall.ended': 'Đợt thi đua đã kết thúc',
    'wall.daysToStart': 'ngày nữa bắt đầu',
    'wall.clock': 'Giờ',
    'wall.col.targetMark': t => `chỉ tiêu ${t}`,
    'wall.col.scored': 'tính\u00a0điểm',
    'wall.col.monitored': 'theo\u00a0dõi',
    'wall.stale': t => `Mất kết nối — số liệu lúc ${t} có thể đã cũ`,
    'wall.staleNever': 'Mất kết nối — chưa có số liệu',
    'wall.celebrate': (unit, goal, target) => `${unit} đạt ${goal} ${target}`,
    'wall.celebrateLead': 'Chúc mừng',
    'wall.ticker.title': 'Hoạt động mới',
    'wall.ticker.empty': 'Đang chờ hoạt động mới…',
    'wall.movers.up': 'Tăng hạng',
    'wall.movers.down': 'Giảm hạng',
    'wall.movers.targets': 'Đạt chỉ tiêu hôm nay',
    'wall.movers.none': 'Chưa có thay đổi.',
    'wall.movers.noTargets': 'Chưa có đơn vị mới đạt chỉ tiêu.',
    'wall.rankChange': (from, to) => `hạng ${from} → ${to}`,
    'wall.targets.summary': (met, total) => `${met}/${total} đạt`,
    'wall.noCampaigns': 'Chưa có đợt thi đua nào: thêm tệp campaign-*.json vào thư mục dữ liệu.',
    'wall.unknownCampaign': (id, ids) => `Không có đợt thi đua “${id}”. Sửa địa chỉ: /wall?campaign=…&board=…, với campaign là một trong: ${ids.join(', ')}.`,
    'wall.unknownBoard': (campaign, id, ids) => `Đợt thi đua “${campaign}” không có bảng “${id}”. Sửa địa chỉ: board là một trong: ${ids.join(', ')}.`,
    'wall.noValue': 'chưa có số liệu',
    'unit.title': 'Kết quả thi đua của đơn vị',
    'unit.rank': (rank, of) => `Hạng ${rank}/${of}`,
    'unit.rankShared': n => `đồng hạng với ${n} đơn vị khác`,
    'unit.rankOn': board => `trên ${board}`,
    'unit.notRanked': 'Chưa được xếp hạng',
    'unit.score': s => `Điểm ${s}`,
    'unit.movementToday': d => (d > 0 ? `Lên ${d} hạng hôm nay` : d < 0 ? `Xuống ${-d} hạng hôm nay` : 'Giữ nguyên hạng hôm nay'),
    'unit.movementOn': (d, day) => (d > 0 ? `Lên ${d} hạng trong ngày ${day}` : d < 0 ? `Xuống ${-d} hạng trong ngày ${day}` : `Giữ nguyên hạng trong ngày ${day}`),
    'unit.target': t => `Chỉ tiêu ${t}`,
    'unit.met': 'Đã đạt chỉ tiêu',
    'unit.unmet': 'Chưa đạt',
    'unit.unreachable': 'Không thể đạt chỉ tiêu 100 % vì đã có hồ sơ không đạt.',
    'unit.noDossier': 'Chưa có hồ sơ trong đợt thi đua.',
    'unit.eligibilityGap': n => `Chưa đủ dữ liệu để xếp hạng: cần thêm ${n} hồ sơ`,
    'unit.ineligible': 'Chưa đủ dữ liệu để xếp hạng',
    'unit.nav': 'Điều hướng',
    'unit.standing': 'Xếp hạng',
    'unit.notApplicableUnit': 'Không có chỉ tiêu tính điểm nào áp dụng cho đơn vị: điểm 0, xếp sau các đơn vị đủ điều kiện.',
    'unit.projection': (date, value) => `Dự kiến đến ${date}: ${value}`,
    'unit.projectionNone': 'Chưa đủ số liệu để dự kiến.',
    'unit.chart': name => `Diễn biến theo ngày: ${name}`,
    'unit.chart.value': 'Tỷ lệ',
    'unit.chart.target': 'Chỉ tiêu',
    'unit.chart.projection': 'Dự kiến',
    'unit.naPayment': 'Không áp dụng: đơn vị không giải quyết thủ tục nào có thu phí, lệ phí.',
    'unit.naOther': 'Chỉ tiêu này không áp dụng cho đơn vị.',
    'unit.weighted': 'Tính điểm',
    'unit.notWeighted': 'Theo dõi',
    'unit.back': 'Bảng xếp hạng',
    'unit.notFound': 'Không tìm thấy đơn vị hoặc đợt thi đua.',
    'unit.notFoundTitle': code => `Không có đơn vị “${code}”`,
    'unit.loadError': 'Không tải được số liệu của đơn vị; đang thử lại…',
    'unit.indicators': 'Các chỉ tiêu',
    'unit.trend': 'Diễn biến',
    'unit.asOfNow': t => `cập nhật lúc ${t}`,
  },
  en: {
    'app.title': 'Emulation leaderboard',
    'page.title': 'Emulation leaderboard',
    'skip.toBoard': 'Skip to the board',
    'select.campaign': 'Campaign',
    'select.board': 'Board',
    'select.asOf': 'Figures as of the end of',
    'select.asOfHint': 'Empty: live',
    'select.asOfInvalid': 'Not a day: type dd/mm/yyyy, e.g. 31/12/2024',
    'select.asOfRange': (from, to) => `Choose a day from ${from} to ${to}: the days with figures of the campaign`,
    'choice.unknownCampaign': (id, shown) => `There is no campaign “${id}”; showing “${shown}”.`,
    'choice.unknownBoard': (id, shown) => `There is no board “${id}” in this campaign; showing “${shown}”.`,
    'print.at': (time, day) => `Printed at ${time} on ${day}`,
    'summary.title': eligible => `Units that met each target, of the ${eligible} with enough data to be ranked:`,
    'summary.indicator': (name, target, met, of) => `${name} (target ${target}): ${met}/${of}`,
    'summary.all': (met, of) => `Every scored target that applies to the unit: ${met}/${of}`,
    'sign.place': '…………, date …………',
    'sign.preparer': 'Prepared by',
    'sign.preparerHint': '(signature and full name)',
    'sign.approver': 'Head of the organisation',
    'sign.approverHint': '(signature and seal)',
    'action.end': day => `Final ranking (${day})`,
    'action.live': 'Back to live figures',
    'action.csv': 'Download (CSV)',
    'action.print': 'Print',
    'board.titleLive': board => `${board} · live`,
    'board.titleAsOf': (board, day) => `${board} · figures as of the end of ${day}`,
    'header.asOf': day => `figures as of the end of ${day}`,
    'conn.fixed': 'Figures of a past day',
    'csv.unit': 'Unit code',
    'csv.name': 'Unit',
    'csv.value': name => `${name} (%)`,
    'csv.numerator': name => `${name}: numerator`,
    'csv.denominator': name => `${name}: denominator`,
    'csv.met': name => `${name}: target met`,
    'csv.previousRank': 'Rank the day before',
    'csv.eligible': 'Enough data to rank',
    'csv.yes': 'Yes',
    'csv.no': 'No',
    'csv.file': 'ranking',
    'search.label': 'Find a unit',
    'search.placeholder': 'Type a name, with or without diacritics',
    'search.count': (shown, total) => `Showing ${shown} of ${total} units`,
    'search.none': 'No unit matches.',
    'board.loading': 'Loading the board…',
    'board.empty': 'This board has no units yet.',
    'board.caption': 'Units ranked by campaign score',
    'error.campaigns': 'Could not load the campaigns.',
    'error.board': 'Could not load the board.',
    'error.noCampaigns': 'There is no campaign yet.',
    'action.retry': 'Retry',
    'col.rank': 'Rank',
    'col.movement': 'Move',
    'col.unit': 'Unit',
    'col.score': 'Score',
    'col.weight': w => `weight ${w}`,
    'col.target': t => `target ${t}`,
    'met.yes': 'Met',
    'met.no': 'Not met',
    'na': 'not applicable',
    'ineligible': 'not enough data',
    'nodata': 'no data yet',
    'movement.up': n => `up ${n}`,
    'movement.down': n => `down ${n}`,
    'movement.same': 'no change',
    'header.daysLeft': n => (String(n) === '1' ? '1 day left' : `${n} days left`),
    'header.ended': 'Ended',
    'header.demoDay': d => `Demo · day ${d}`,
    'header.demo': 'Demo',
    'header.startsOn': d => `Starts ${d}`,
    'header.updatedAt': t => `updated ${t}`,
    'header.period': (a, b) => `${a} – ${b}`,
    'conn.connecting': 'Connecting…',
    'conn.connected': 'Connected',
    'conn.reconnecting': 'Reconnecting…',
    'conn.disconnected': 'Disconnected — figures may be out of date',
    'feed.title': 'Latest activity',
    'feed.empty': 'No activity yet.',
    'feed.targetReached': (unit, indicator, target) => `${unit} reached the ${indicator} target of ${target}`,
    'lang.switch': 'Tiếng Việt',
    'lang.switchLabel': 'Chuyển sang tiếng Việt',
    'footer.note': 'Percentages are truncated to one decimal, never rounded up.',
    'nav.board': 'Leaderboard',
    'nav.wall': 'Campaign wall display',
    'wall.title': 'Campaign wall display',
    'wall.view.ranking': 'Ranking',
    'wall.view.targets': 'Targets met',
    'wall.view.movers': 'Today\'s movers',
    'wall.page': (p, n) => `Page ${p}/${n}`,
    'wall.daysLeft': 'days left',
    'wall.ended': 'The campaign has ended',
    'wall.daysToStart': 'days to the start',
    'wall.clock': 'Time',
    'wall.col.targetMark': t => `target ${t}`,
    'wall.col.scored': 'scored',
    'wall.col.monitored': 'monitored',
    'wall.stale': t => `Disconnected — figures from ${t} may be out of date`,
    'wall.staleNever': 'Disconnected — no figures yet',
    'wall.celebrate': (unit, goal, target) => `${unit} reached the ${goal} target of ${target}`,
    'wall.celebrateLead': 'Congratulations',
    'wall.ticker.title': 'Latest activity',
    'wall.ticker.empty': 'Waiting for activity…',
    'wall.movers.up': 'Moved up',
    'wall.movers.down': 'Moved down',
    'wall.movers.targets': 'Targets reached today',
    'wall.movers.none': 'No change yet.',
    'wall.movers.noTargets': 'No unit has reached a target yet.',
    'wall.rankChange': (from, to) => `rank ${from} → ${to}`,
    'wall.targets.summary': (met, total) => `${met}/${total} met`,
    'wall.noCampaigns': 'No campaign yet: add a campaign-*.json file to the data folder.',
    'wall.unknownCampaign': (id, ids) => `There is no campaign “${id}”. Correct the address: /wall?campaign=…&board=…, with campaign one of: ${ids.join(', ')}.`,
    'wall.unknownBoard': (campaign, id, ids) => `Campaign “${campaign}” has no board “${id}”. Correct the address: board is one of: ${ids.join(', ')}.`,
    'wall.noValue': 'no figures yet',
    'unit.title': 'Unit results',
    'unit.rank': (rank, of) => `Rank ${rank}/${of}`,
    'unit.rankShared': n => (String(n) === '1' ? 'shared with 1 other unit' : `shared with ${n} other units`),
    'unit.rankOn': board => `on ${board}`,
    'unit.notRanked': 'Not ranked yet',
    'unit.score': s => `Score ${s}`,
    'unit.movementToday': d => (d > 0 ? `Up ${d} today` : d < 0 ? `Down ${-d} today` : 'No change today'),
    'unit.movementOn': (d, day) => (d > 0 ? `Up ${d} on ${day}` : d < 0 ? `Down ${-d} on ${day}` : `No change on ${day}`),
    'unit.target': t => `Target ${t}`,
    'unit.met': 'Target met',
    'unit.unmet': 'Not met',
    'unit.unreachable': 'The 100% target can no longer be met: a dossier already failed.',
    'unit.noDossier': 'No dossier in the campaign yet.',
    'unit.eligibilityGap': (n, count) => `Not enough data to be ranked: ${n} more ${count === 1 ? 'dossier' : 'dossiers'} needed`,
    'unit.ineligible': 'Not enough data to be ranked',
    'unit.nav': 'Navigation',
    'unit.standing': 'Ranking',
    'unit.notApplicableUnit': 'No scored indicator applies to this unit: its score is 0 and it ranks after the eligible units.',
    'unit.projection': (date, value) => `Projected by ${date}: ${value}`,
    'unit.projectionNone': 'Not enough data for a projection.',
    'unit.chart': name => `Daily trend: ${name}`,
    'unit.chart.value': 'Rate',
    'unit.chart.target': 'Target',
    'unit.chart.projection': 'Projection',
    'unit.naPayment': 'Does not apply: the unit handles no procedure with a fee or charge.',
    'unit.naOther': 'This indicator does not apply to the unit.',
    'unit.weighted': 'Scored',
    'unit.notWeighted': 'Monitored',
    'unit.back': 'Leaderboard',
    'unit.notFound': 'Unit or campaign not found.',
    'unit.notFoundTitle': code => `No unit “${code}”`,
    'unit.loadError': 'Could not load the unit\'s figures; trying again…',
    'unit.indicators': 'Indicators',
    'unit.trend': 'Trend',
    'unit.asOfNow': t => `updated ${t}`,
  },
};

/**
 * Indicator names: `name` for headings, as domain.md and the campaign letter name them; `short` where space is counted
 * (the wall's columns, seen from across a room), when it differs; `goal` for sentences ("đạt chỉ tiêu thanh toán trực
 * tuyến").
 */
const indicators = {
  vi: {
    'online-service-usage': { name: 'Tỷ lệ DVCTT phát sinh hồ sơ trực tuyến', goal: 'chỉ tiêu DVCTT phát sinh hồ sơ trực tuyến' },
    'online-payment': { name: 'Tỷ lệ thanh toán trực tuyến trên Cổng DVCQG', short: 'Tỷ lệ thanh toán trực tuyến', goal: 'chỉ tiêu thanh toán trực tuyến' },
    'online-dossier': { name: 'Tỷ lệ hồ sơ trực tuyến', goal: 'chỉ tiêu hồ sơ trực tuyến' },
    'on-time': { name: 'Tỷ lệ hồ sơ giải quyết đúng hạn', goal: 'chỉ tiêu giải quyết đúng hạn' },
  },
  en: {
    'online-service-usage': { name: 'Online services with online dossiers', goal: 'online service usage' },
    'online-payment': { name: 'Online payment rate on the National Public Service Portal', short: 'Online payment rate', goal: 'online payment' },
    'online-dossier': { name: 'Online dossier rate', goal: 'online dossier' },
    'on-time': { name: 'Dossiers resolved on time', goal: 'on-time resolution' },
  },
};

/** Activity kinds of the hub's `Activity` message, as "<count> <label>". */
const activities = {
  vi: {
    'received-online': 'hồ sơ tiếp nhận trực tuyến',
    'received-offline': 'hồ sơ tiếp nhận trực tiếp, qua bưu chính',
    finished: 'hồ sơ giải quyết xong',
    'paid-online': 'hồ sơ thanh toán trực tuyến',
    'paid-offline': 'hồ sơ thanh toán trực tiếp',
    refunded: 'hồ sơ được hoàn phí',
    voided: 'hồ sơ bị hủy',
  },
  en: {
    'received-online': ['dossier received online', 'dossiers received online'],
    'received-offline': ['dossier received in person or by post', 'dossiers received in person or by post'],
    finished: ['dossier resolved', 'dossiers resolved'],
    'paid-online': ['dossier paid online', 'dossiers paid online'],
    'paid-offline': ['dossier paid offline', 'dossiers paid offline'],
    refunded: ['payment refunded', 'payments refunded'],
    voided: ['dossier voided', 'dossiers voided'],
  },
};

/**
 * What one more unit of an indicator's gap is, for the sentence people act on:
 * "Cần thêm 12 hồ sơ thanh toán trực tuyến để đạt 45 %". For the service-usage indicator the gap
 * counts procedures that still need a first online dossier, not dossiers.
 */
const gapNouns = {
  vi: {
    'online-service-usage': 'thủ tục phát sinh hồ sơ trực tuyến',
    'online-payment': 'hồ sơ thanh toán trực tuyến',
    'online-dossier': 'hồ sơ tiếp nhận trực tuyến',
    'on-time': 'hồ sơ giải quyết đúng hạn',
  },
  en: {
    'online-service-usage': ['procedure with a first online dossier', 'procedures with a first online dossier'],
    'online-payment': ['dossier paid online', 'dossiers paid online'],
    'online-dossier': ['dossier received online', 'dossiers received online'],
    'on-time': ['dossier resolved on time', 'dossiers resolved on time'],
  },
};

/**
 * "Cần thêm 12 hồ sơ thanh toán trực tuyến để đạt 45 %" / "12 more dossiers paid online to reach 45%"; once the
 * campaign is over (`ended`), what was missing rather than what to do: "Kết thúc đợt còn thiếu 12 … để đạt 45 %".
 */
export function gapSentence(lang, id, countText, count, targetText, ended = false) {
  const entry = gapNouns[lang]?.[id] ?? gapNouns.vi[id] ?? (lang === 'en' ? 'dossiers' : 'hồ sơ');
  const noun = Array.isArray(entry) ? entry[count === 1 ? 0 : 1] : entry;
  if (ended) {
    return lang === 'en'
      ? `The campaign ended ${countText} ${noun} short of ${targetText}`
      : `Kết thúc đợt còn thiếu ${countText} ${noun} để đạt ${targetText}`;
  }
  return lang === 'en'
    ? `${countText} more ${noun} to reach ${targetText}`
    : `Cần thêm ${countText} ${noun} để đạt ${targetText}`;
}

/** The unit of an indicator's numerator and denominator: "27/58 hồ sơ", "3/4 thủ tục". */
export function countUnit(lang, id) {
  if (id === 'online-service-usage') return lang === 'en' ? 'procedures' : 'thủ tục';
  return lang === 'en' ? 'dossiers' : 'hồ sơ';
}

export const LANGS = ['vi', 'en'];

/**
 * The page language: `?lang=` wins, then the visitor's last choice, then Vietnamese. A language the address names is
 * remembered too, so the pages its links lead to (a unit, the wall) speak it as well.
 */
export function initialLang() {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (LANGS.includes(fromUrl)) {
    store(fromUrl);
    return fromUrl;
  }
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (LANGS.includes(saved)) return saved;
  } catch { /* storage may be blocked; Vietnamese it is */ }
  return 'vi';
}

/**
 * Remembers the visitor's choice of language. An address that names another one would bring that back on a reload,
 * or to whoever the link is sent to, so it is made to name this one.
 */
export function rememberLang(lang) {
  store(lang);
  const url = new URL(location.href);
  if (url.searchParams.has('lang') && url.searchParams.get('lang') !== lang) {
    url.searchParams.set('lang', lang);
    history.replaceState(history.state, '', url);
  }
}

function store(lang) {
  try { localStorage.setItem(STORAGE_KEY, lang); } catch { /* not critical */ }
}

/**
 * The header's countdown ("còn 12 ngày", "Bắt đầu 06/06/2024", "Đã kết thúc") from format.js's campaignCountdown,
 * with its day count and start date already formatted; empty without one. While the demo feed plays a past campaign,
 * `playedDayText` (the played day, formatted) comes first: "Trình diễn · ngày 17/06/2024 · còn 198 ngày".
 */
export function countdownText(lang, countdown, daysText, startText, playedDayText = null) {
  if (!countdown) return '';
  const counted = countdown.phase === 'before' ? t(lang, 'header.startsOn', startText)
    : countdown.phase === 'ended' ? t(lang, 'header.ended')
      : t(lang, 'header.daysLeft', daysText);
  // Played through, the demo stands on the day after the campaign's last: "Trình diễn · Đã kết thúc", not that day.
  if (playedDayText && countdown.phase === 'ended') return `${t(lang, 'header.demo')} · ${counted}`;
  return playedDayText ? `${t(lang, 'header.demoDay', playedDayText)} · ${counted}` : counted;
}

/** Looks a key up; function entries are called with `args`. Falls back to Vietnamese, then the key. */
export function t(lang, key, ...args) {
  const entry = dictionaries[lang]?.[key] ?? dictionaries.vi[key];
  if (entry === undefined) return key;
  return typeof entry === 'function' ? entry(...args) : entry;
}

/** The indicator's display name; the server's name when the id is not one we know. */
export function indicatorName(lang, id, fallback) {
  return indicators[lang]?.[id]?.name ?? indicators.vi[id]?.name ?? fallback ?? id;
}

/** The indicator's name where space is counted (the wall): its short form when it has one. */
export function indicatorShortName(lang, id, fallback) {
  const entry = indicators[lang]?.[id] ?? indicators.vi[id];
  return entry?.short ?? entry?.name ?? fallback ?? id;
}

export function indicatorGoal(lang, id, fallback) {
  return indicators[lang]?.[id]?.goal ?? indicators.vi[id]?.goal ?? fallback ?? id;
}

/** "1 hồ sơ thanh toán trực tuyến" / "2 dossiers paid online"; unknown kinds are shown as sent. */
export function activityLabel(lang, kind, countText, count) {
  const entry = activities[lang]?.[kind] ?? activities.vi[kind];
  if (entry === undefined) return `${countText} ${kind}`;
  const label = Array.isArray(entry) ? entry[count === 1 ? 0 : 1] : entry;
  return `${countText} ${label}`;
}

/** Fills the static text of the page: elements carry `data-i18n` (text), `data-i18n-aria-label` or `data-i18n-placeholder`. */
export function translateStatic(lang, root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(lang, el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(lang, el.dataset.i18nAriaLabel));
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) {
    el.setAttribute('placeholder', t(lang, el.dataset.i18nPlaceholder));
  }
}
