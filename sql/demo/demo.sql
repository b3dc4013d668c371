-- Demo data for the 梅州市12345政府服务热线 system.
-- Loaded once into an empty database by `hotlinectl demo-load`.
-- Every demo account's password is Demo@12345.
--
-- BEGIN ACCOUNTS
-- admin             系统管理员  梅州市政务服务中心管理办公室
-- operator          话务员      梅州市12345热线呼叫中心
-- operator2         话务员      梅州市12345热线呼叫中心
-- coordinator       管理办      梅州市政务服务中心管理办公室
-- clerk_hrss        经办人      梅州市人力资源和社会保障局
-- clerk_psb         经办人      梅州市公安局户政支队
-- clerk_power       经办人      广东电网有限责任公司梅州供电局
-- editor_hrss       知识库专员  梅州市人力资源和社会保障局
-- approver_hrss     分管领导    梅州市人力资源和社会保障局
-- editor_psb        知识库专员  梅州市公安局户政支队
-- approver_psb      分管领导    梅州市公安局户政支队
-- reviewer_bianban  审核人      梅州市机构编制委员会办公室
-- reviewer_legal    审核人      梅州市法制局
-- convener          召集人      梅州市人民政府办公室
-- mj_coordinator    管理办      梅江区政务服务中心管理办公室
-- mj_admin          系统管理员  梅江区政务服务中心管理办公室
-- mj_clerk          经办人      梅江区人力资源和社会保障局
-- mj_reviewer       审核人      梅江区机构编制委员会办公室
-- office_lead       管理办      梅州市政务服务中心管理办公室（审核通报）
-- inspector         质检员      梅州市政务服务中心管理办公室
-- END ACCOUNTS

-- Jurisdictions: the city and its eight counties (县、市、区).
INSERT INTO jurisdictions (id, code, name, parent_id) VALUES (1, 'meizhou', '梅州市', NULL);
INSERT INTO jurisdictions (id, code, name, parent_id) VALUES
  (2, 'meijiang', '梅江区', 1),
  (3, 'meixian', '梅县区', 1),
  (4, 'xingning', '兴宁市', 1),
  (5, 'pingyuan', '平远县', 1),
  (6, 'jiaoling', '蕉岭县', 1),
  (7, 'dabu', '大埔县', 1),
  (8, 'fengshun', '丰顺县', 1),
  (9, 'wuhua', '五华县', 1);

-- City: the determination working group (D5) and the call centre.
INSERT INTO units (id, code, name, kind, jurisdiction_id, parent_id) VALUES
  (1, 'city-office', '梅州市政务服务中心管理办公室', 'office', 1, NULL),
  (2, 'city-callcentre', '梅州市12345热线呼叫中心', 'callcentre', 1, NULL),
  (3, 'city-gov', '梅州市人民政府办公室', 'government', 1, NULL),
  (4, 'city-bianban', '梅州市机构编制委员会办公室', 'establishment', 1, NULL),
  (5, 'city-legal', '梅州市法制局', 'legal', 1, NULL);

-- City departments (职能部门); sub-units follow their parent.
INSERT INTO units (id, code, name, kind, jurisdiction_id, parent_id) VALUES
  (10, 'city-psb', '梅州市公安局', 'department', 1, NULL),
  (11, 'city-psb-hz', '梅州市公安局户政支队', 'department', 1, 10),
  (12, 'city-psb-crj', '梅州市公安局出入境管理支队', 'department', 1, 10),
  (13, 'city-psb-jj', '梅州市公安局交通警察支队', 'department', 1, 10),
  (14, 'city-hrss', '梅州市人力资源和社会保障局', 'department', 1, NULL),
  (15, 'city-hsa', '梅州市医疗保障局', 'department', 1, NULL),
  (16, 'city-hpf', '梅州市住房公积金管理中心', 'department', 1, NULL),
  (17, 'city-nr', '梅州市自然资源局', 'department', 1, NULL),
  (18, 'city-nr-bdc', '梅州市不动产登记中心', 'department', 1, 17),
  (19, 'city-edu', '梅州市教育局', 'department', 1, NULL),
  (20, 'city-housing', '梅州市住房和城乡建设管理局', 'department', 1, NULL),
  (21, 'city-amr', '梅州市市场监督管理局', 'department', 1, NULL),
  (22, 'city-env', '梅州市生态环境局', 'department', 1, NULL),
  (23, 'city-transport', '梅州市交通运输局', 'department', 1, NULL),
  (24, 'city-health', '梅州市卫生健康局', 'department', 1, NULL),
  (25, 'city-civil', '梅州市民政局', 'department', 1, NULL),
  (26, 'city-cgj', '梅州市城市管理和综合执法局', 'department', 1, NULL),
  (27, 'city-tax', '国家税务总局梅州市税务局', 'department', 1, NULL);

-- City public-service enterprises (公共服务企业).
INSERT INTO units (id, code, name, kind, jurisdiction_id, parent_id) VALUES
  (40, 'city-power', '广东电网有限责任公司梅州供电局', 'enterprise', 1, NULL),
  (41, 'city-water', '梅州市供水有限公司', 'enterprise', 1, NULL),
  (42, 'city-gas', '梅州市燃气有限公司', 'enterprise', 1, NULL),
  (43, 'city-telecom', '中国电信股份有限公司梅州分公司', 'enterprise', 1, NULL);

-- 梅江区 (D7: the county runs its own procedure).
INSERT INTO units (id, code, name, kind, jurisdiction_id, parent_id) VALUES
  (101, 'meijiang-office', '梅江区政务服务中心管理办公室', 'office', 2, NULL),
  (102, 'meijiang-gov', '梅江区人民政府办公室', 'government', 2, NULL),
  (103, 'meijiang-bianban', '梅江区机构编制委员会办公室', 'establishment', 2, NULL),
  (104, 'meijiang-legal', '梅江区司法局', 'legal', 2, NULL),
  (105, 'meijiang-hrss', '梅江区人力资源和社会保障局', 'department', 2, NULL),
  (106, 'meijiang-edu', '梅江区教育局', 'department', 2, NULL),
  (107, 'meijiang-housing', '梅江区住房和城乡建设局', 'department', 2, NULL),
  (108, 'meijiang-cgj', '梅江区城市管理和综合执法局', 'department', 2, NULL),
  (109, 'meijiang-amr', '梅江区市场监督管理局', 'department', 2, NULL);

-- 兴宁市.
INSERT INTO units (id, code, name, kind, jurisdiction_id, parent_id) VALUES
  (201, 'xingning-office', '兴宁市政务服务中心管理办公室', 'office', 4, NULL),
  (202, 'xingning-gov', '兴宁市人民政府办公室', 'government', 4, NULL),
  (203, 'xingning-bianban', '兴宁市机构编制委员会办公室', 'establishment', 4, NULL),
  (204, 'xingning-legal', '兴宁市司法局', 'legal', 4, NULL),
  (205, 'xingning-hrss', '兴宁市人力资源和社会保障局', 'department', 4, NULL),
  (206, 'xingning-edu', '兴宁市教育局', 'department', 4, NULL),
  (207, 'xingning-housing', '兴宁市住房和城乡建设局', 'department', 4, NULL),
  (208, 'xingning-cgj', '兴宁市城市管理和综合执法局', 'department', 4, NULL),
  (209, 'xingning-amr', '兴宁市市场监督管理局', 'department', 4, NULL);

-- Users: one or more for every role; all with the password Demo@12345.
INSERT INTO users (id, username, display_name, phone, password_hash) VALUES
  (1, 'admin', '系统管理员', '13807530001', '$y$j9T$U8fWhbuBJlpsJ29bnZvgX0$vjcW/kIBVMHaEP6OKLv2K1r4PCSMEPnS9S1/dQja0n3'),
  (2, 'operator', '李晓敏', '13807530002', '$y$j9T$U8fWhbuBJlpsJ29bnZvgX0$vjcW/kIBVMHaEP6OKLv2K1r4PCSMEPnS9S1/dQja0n3'),
  (3, 'operator2', '黄丽娟', '13807530003', '$y$j9T$U8fWhbuBJlpsJ29bnZvgX0$vjcW/kIBVMHaEP6OKLv2K1r4PCSMEPnS9S1/dQja0n3'),
  (4, 'coordinator', '张伟明', '13807530004', '$y$j9T$U8fWhbuBJlpsJ29bnZvgX0$vjcW/kIBVMHaEP6OKLv2K1r4PCSMEPnS9S1/dQja0n3'),
  (5, 'clerk_hrss', '刘秀英', '13807530005', '$y$j9T$U8fWhbuBJlpsJ29bnZvgX0$vjcW/kIBVMHaEP6OKLv2K1r4PCSMEPnS9S1/dQja0n3'),
  (6, 'clerk_psb', '曾国栋', '13807530006', '$y$j9T$U8fWhbuBJlpsJ29bnZvgX0$vjcW/kIBVMHaEP6OKLv2K1r4PCSMEPnS9S1/dQja0n3'),
  (7, 'clerk_power', '叶建华', '13807530007', '$y$j9T$U8fWhbuBJlpsJ29bnZvgX0$vjcW/kIBVMHaEP6OKLv2K1r4PCSMEPnS9S1/dQja0n3'),
  (8, 'editor_hrss', '温少芳', '13807530008', '$y$j9T$U8fWhbuBJlpsJ29bnZvgX0$vjcW/kIBVMHaEP6OKLv2K1r4PCSMEPnS9S1/dQja0n3'),
  (9, 'approver_hrss', '钟振华', '13807530009', '$y$j9T$U8fWhbuBJlpsJ29bnZvgX0$vjcW/kIBVMHaEP6OKLv2K1r4PCSMEPnS9S1/dQja0n3'),
  (10, 'editor_psb', '古文彬', '13807530010', '$y$j9T$U8fWhbuBJlpsJ29bnZvgX0$vjcW/kIBVMHaEP6OKLv2K1r4PCSMEPnS9S1/dQja0n3'),
  (11, 'approver_psb', '罗志勇', '13807530011', '$y$j9T$U8fWhbuBJlpsJ29bnZvgX0$vjcW/kIBVMHaEP6OKLv2K1r4PCSMEPnS9S1/dQja0n3'),
  (12, 'reviewer_bianban', '谢雅琴', '13807530012', '$y$j9T$U8fWhbuBJlpsJ29bnZvgX0$vjcW/kIBVMHaEP6OKLv2K1r4PCSMEPnS9S1/dQja0n3'),
  (13, 'reviewer_legal', '侯俊杰', '13807530013', '$y$j9T$U8fWhbuBJlpsJ29bnZvgX0$vjcW/kIBVMHaEP6OKLv2K1r4PCSMEPnS9S1/dQja0n3'),
  (14, 'convener', '廖国平', '13807530014', '$y$j9T$U8fWhbuBJlpsJ29bnZvgX0$vjcW/kIBVMHaEP6OKLv2K1r4PCSMEPnS9S1/dQja0n3'),
  (15, 'mj_coordinator', '杨思敏', '13807530015', '$y$j9T$U8fWhbuBJlpsJ29bnZvgX0$vjcW/kIBVMHaEP6OKLv2K1r4PCSMEPnS9S1/dQja0n3'),
  (16, 'mj_admin', '陈家豪', '13807530016', '$y$j9T$U8fWhbuBJlpsJ29bnZvgX0$vjcW/kIBVMHaEP6OKLv2K1r4PCSMEPnS9S1/dQja0n3'),
  (17, 'mj_clerk', '丘美玲', '13807530017', '$y$j9T$U8fWhbuBJlpsJ29bnZvgX0$vjcW/kIBVMHaEP6OKLv2K1r4PCSMEPnS9S1/dQja0n3'),
  (18, 'mj_reviewer', '邓永康', '13807530018', '$y$j9T$U8fWhbuBJlpsJ29bnZvgX0$vjcW/kIBVMHaEP6OKLv2K1r4PCSMEPnS9S1/dQja0n3'),
  (19, 'office_lead', '王建国', '13807530019', '$y$j9T$U8fWhbuBJlpsJ29bnZvgX0$vjcW/kIBVMHaEP6OKLv2K1r4PCSMEPnS9S1/dQja0n3'),
  (20, 'inspector', '林晓雯', '13807530020', '$y$j9T$U8fWhbuBJlpsJ29bnZvgX0$vjcW/kIBVMHaEP6OKLv2K1r4PCSMEPnS9S1/dQja0n3');

-- Memberships: each user's role in their unit.
INSERT INTO memberships (id, user_id, unit_id, role) VALUES
  (1, 1, 1, 'admin'),
  (2, 2, 2, 'operator'),
  (3, 3, 2, 'operator'),
  (4, 4, 1, 'coordinator'),
  (5, 5, 14, 'clerk'),
  (6, 6, 11, 'clerk'),
  (7, 7, 40, 'clerk'),
  (8, 8, 14, 'kb_editor'),
  (9, 9, 14, 'kb_approver'),
  (10, 10, 11, 'kb_editor'),
  (11, 11, 11, 'kb_approver'),
  (12, 12, 4, 'reviewer'),
  (13, 13, 5, 'reviewer'),
  (14, 14, 3, 'convener'),
  (15, 15, 101, 'coordinator'),
  (16, 16, 101, 'admin'),
  (17, 17, 105, 'clerk'),
  (18, 18, 103, 'reviewer'),
  (19, 19, 1, 'coordinator'),
  (20, 20, 1, 'inspector');

-- 问题分类: two levels; the intake offers only leaves (a top-level
-- category without children is a leaf too). time_limit_days is the
-- 办理时限 in working days; urgent matters (停水停电停气) get 1-2 days.
-- Fixed ids: tests rely on them.
INSERT INTO order_categories (id, name, parent_id, time_limit_days) VALUES
  (1, '社会保障', NULL, 10),
  (2, '养老保险', 1, 10),
  (3, '医疗保险', 1, 10),
  (4, '失业保险', 1, 10),
  (5, '社保卡', 1, 5),
  (6, '户籍管理', NULL, 10),
  (7, '户口迁移', 6, 10),
  (8, '身份证办理', 6, 5),
  (9, '出入境', NULL, 5),
  (10, '交通出行', NULL, 5),
  (11, '交通违法', 10, 10),
  (12, '公交服务', 10, 5),
  (13, '出租车', 10, 5),
  (14, '城市管理', NULL, 5),
  (15, '占道经营', 14, 3),
  (16, '噪音扰民', 14, 3),
  (17, '违章建筑', 14, 15),
  (18, '环境卫生', 14, 3),
  (19, '住房', NULL, 10),
  (20, '住房公积金', 19, 10),
  (21, '物业管理', 19, 10),
  (22, '不动产登记', 19, 10),
  (23, '教育', NULL, 5),
  (24, '入学', 23, 5),
  (25, '学位', 23, 5),
  (26, '水电气', NULL, 2),
  (27, '供水', 26, 1),
  (28, '供电', 26, 2),
  (29, '燃气', 26, 2),
  (30, '市场监管', NULL, 10),
  (31, '消费投诉', 30, 10),
  (32, '食品安全', 30, 5),
  (33, '劳动保障', NULL, 10),
  (34, '欠薪', 33, 5),
  (35, '劳动合同', 33, 15),
  (36, '生态环境', NULL, 5),
  (37, '油烟', 36, 5),
  (38, '污水', 36, 5),
  (39, '民政', NULL, 10),
  (40, '低保', 39, 15),
  (41, '养老服务', 39, 10),
  (42, '医疗卫生', NULL, 10),
  (43, '税务', NULL, 10),
  (44, '通信', NULL, 5),
  (45, '其他', NULL, 10),
  (46, '不予受理/转其他渠道', NULL, 1),
  (47, '刑事治安案件', 46, 1),
  (48, '火灾险情', 46, 1),
  (49, '医疗急救', 46, 1),
  (50, '诉讼事项', 46, 1),
  (51, '信访事项', 46, 1),
  (52, '劳动人事争议仲裁', 46, 1),
  (53, '路灯设施', 14, 3);

-- 不予受理/转其他渠道 (issue 16): matters the hotline answers with a
-- standard script and refers elsewhere; not work orders.
UPDATE order_categories SET refer_channel = '110', refer_keywords = '报警 抢劫 盗窃 打架 斗殴 诈骗',
  refer_script = '您反映的情况属于治安、刑事案件，请立即拨打 110 报警，由公安机关依法处理。如有人身危险，请先确保自身安全。' WHERE id = 47;
UPDATE order_categories SET refer_channel = '119', refer_keywords = '火灾 着火 起火 冒烟',
  refer_script = '您反映的是火灾险情，请立即拨打 119 火警电话，并尽快撤离到安全地带。' WHERE id = 48;
UPDATE order_categories SET refer_channel = '120', refer_keywords = '急救 昏迷 晕倒 抢救',
  refer_script = '您反映的是医疗急救需求，请立即拨打 120 急救电话。' WHERE id = 49;
UPDATE order_categories SET refer_channel = '人民法院', refer_keywords = '起诉 诉讼 判决 法院 上诉',
  refer_script = '您反映的事项已进入或应通过诉讼程序解决，12345 热线不予受理。请向有管辖权的人民法院咨询或依法提起诉讼；如需法律援助，可拨打 12348。' WHERE id = 50;
UPDATE order_categories SET refer_channel = '信访部门', refer_keywords = '信访 上访',
  refer_script = '您反映的事项属于信访事项，请按《信访工作条例》向有权处理的机关或信访部门提出。' WHERE id = 51;
UPDATE order_categories SET refer_channel = '劳动人事争议仲裁委员会', refer_keywords = '仲裁 劳动争议',
  refer_script = '您反映的是劳动人事争议，请向用人单位所在地的劳动人事争议仲裁委员会申请仲裁。' WHERE id = 52;
UPDATE order_categories SET description = '路灯不亮、闪烁、倒杆等路灯设施问题' WHERE id = 53;
UPDATE order_categories SET description = '马路、小区周边的噪音扰民' WHERE id = 16;

-- What a request of 路灯设施 filed through Open311 brings.
INSERT INTO category_attributes (category_id, code, datatype, required, description, list_values, sort_order) VALUES
  (53, 'pole_id', 'string', 1, '灯杆编号（灯杆上的铭牌）', '', 1),
  (53, 'fault', 'singlevaluelist', 0, '故障类型', 'dark=不亮\nflicker=闪烁\nfallen=倒杆或破损', 2);

-- The demo's Open311 key for the city's WeChat portal: demo-open311-key-meizhou
-- (stored as its SHA-256, as every key is).
INSERT INTO open311_keys (source, key_hash, categories) VALUES
  ('梅州市民微信公众号（演示）', 'a29ada6b334114e34c199cd42ae2b0232925e87f1b9d9139e46968a74e65c789', '');

-- 派单规则 of 梅州市: each leaf to the city unit that handles it (其他 has
-- none: the operator chooses). A rule with keywords wins when every word
-- occurs in the content: construction noise goes to 住建, not 城管.
INSERT INTO routing_rules (id, category_id, jurisdiction_id, keywords, unit_id) VALUES
  (1, 2, 1, '', 14),
  (2, 3, 1, '', 15),
  (3, 4, 1, '', 14),
  (4, 5, 1, '', 14),
  (5, 7, 1, '', 11),
  (6, 8, 1, '', 11),
  (7, 9, 1, '', 12),
  (8, 11, 1, '', 13),
  (9, 12, 1, '', 23),
  (10, 13, 1, '', 23),
  (11, 15, 1, '', 26),
  (12, 16, 1, '', 26),
  (13, 16, 1, '施工', 20),
  (14, 17, 1, '', 26),
  (15, 18, 1, '', 26),
  (90, 53, 1, '', 26),
  (16, 20, 1, '', 16),
  (17, 21, 1, '', 20),
  (18, 22, 1, '', 18),
  (19, 24, 1, '', 19),
  (20, 25, 1, '', 19),
  (21, 27, 1, '', 41),
  (22, 28, 1, '', 40),
  (23, 29, 1, '', 42),
  (24, 31, 1, '', 21),
  (25, 32, 1, '', 21),
  (26, 34, 1, '', 14),
  (27, 35, 1, '', 14),
  (28, 37, 1, '', 22),
  (29, 38, 1, '', 22),
  (30, 40, 1, '', 25),
  (31, 41, 1, '', 25),
  (32, 42, 1, '', 24),
  (33, 43, 1, '', 27),
  (34, 44, 1, '', 43);

-- 派单规则 of 梅江区: matters the district handles itself; the rest fall
-- back to the city's rules.
INSERT INTO routing_rules (id, category_id, jurisdiction_id, keywords, unit_id) VALUES
  (35, 2, 2, '', 105),
  (36, 34, 2, '', 105),
  (37, 35, 2, '', 105),
  (38, 24, 2, '', 106),
  (39, 25, 2, '', 106),
  (40, 21, 2, '', 107),
  (41, 15, 2, '', 108),
  (42, 17, 2, '', 108),
  (43, 18, 2, '', 108),
  (44, 31, 2, '', 109),
  (45, 32, 2, '', 109);

-- Dispute determination procedures (D7, D8). The city's is the default for
-- every county without its own; 梅江区 runs its own, without the legal step
-- and with 3 review days.
INSERT INTO dispute_procedures (id, jurisdiction_id, effective_from, establishment_unit_id,
  legal_unit_id, convener_unit_id, review_days, accept_days, opinion_days) VALUES
  (1, 1, '2015-01-01', 4, 5, 3, 5, 1, 2),
  (2, 2, '2015-06-01', 103, NULL, 102, 3, 1, 2);
