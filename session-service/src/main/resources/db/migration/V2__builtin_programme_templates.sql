-- The two programmes session-service ships with. Phases run CHANGE first, then CONSOLIDATION.

INSERT INTO programme_template (code, name_zh, name_en, description_zh, description_en, group_kind, built_in, sessions)
VALUES ('ADJUSTMENT_6',
        '独居老人六节调适小组',
        'Six-session adjustment programme',
        '面向农村独居老人的"先改变、后巩固"小组：认知、乐趣、科技与沟通四方面调适，缓解孤独感，提升自我效能感与人际交往能力。',
        'A "change, then consolidation" group for older people living alone in villages: cognitive, enjoyment, technological and communication adjustment to ease loneliness and build self-efficacy and interpersonal skills.',
        'SUPPORT_GROUP', true,
        '[
          {"sequence": 1, "phase": "CHANGE", "defaultDurationMinutes": 90,
           "theme": {"zh": "相识与开启", "en": "Opening: getting to know each other"},
           "objectives": [
             {"zh": "组员相互认识，建立信任与安全的小组氛围", "en": "Members get to know one another and feel safe in the group"},
             {"zh": "共同制定小组契约，明确小组目标", "en": "Agree a group contract and the aims of the group"}],
           "activities": [
             {"zh": "破冰游戏：名字接龙", "en": "Ice-breaker: name chain"},
             {"zh": "讨论并签署小组契约", "en": "Discuss and sign the group contract"},
             {"zh": "前测：孤独感与自我效能感量表", "en": "Pre-test: loneliness and self-efficacy scales"}]},
          {"sequence": 2, "phase": "CHANGE", "defaultDurationMinutes": 90,
           "theme": {"zh": "认知调适", "en": "Cognitive adjustment"},
           "objectives": [
             {"zh": "识别独居生活中的消极想法", "en": "Recognise negative thoughts about living alone"},
             {"zh": "学习用积极的方式重新看待老年生活", "en": "Practise seeing later life in a more positive light"}],
           "activities": [
             {"zh": "情景讨论：一个人的晚饭", "en": "Scenario discussion: dinner for one"},
             {"zh": "认知重构练习（ABC 模型）", "en": "Reframing exercise (ABC model)"}]},
          {"sequence": 3, "phase": "CHANGE", "defaultDurationMinutes": 90,
           "theme": {"zh": "乐趣调适", "en": "Enjoyment adjustment"},
           "objectives": [
             {"zh": "发现并分享日常生活中的乐趣", "en": "Discover and share everyday pleasures"},
             {"zh": "培养一项可以坚持的兴趣爱好", "en": "Take up a pastime that can be kept up"}],
           "activities": [
             {"zh": "兴趣分享会：我的拿手好戏", "en": "Show and tell: what I am good at"},
             {"zh": "手工或戏曲小体验", "en": "Try-out of a craft or local opera"}]},
          {"sequence": 4, "phase": "CHANGE", "defaultDurationMinutes": 120,
           "theme": {"zh": "科技调适", "en": "Technological adjustment"},
           "objectives": [
             {"zh": "学会用智能手机与家人视频通话", "en": "Learn to video-call family on a smartphone"},
             {"zh": "会用微信发送语音和照片", "en": "Send voice messages and photos on WeChat"}],
           "activities": [
             {"zh": "志愿者一对一手机教学", "en": "One-to-one smartphone coaching by volunteers"},
             {"zh": "现场给子女发一段视频", "en": "Send a short video to a son or daughter on the spot"}]},
          {"sequence": 5, "phase": "CHANGE", "defaultDurationMinutes": 90,
           "theme": {"zh": "沟通调适", "en": "Communication adjustment"},
           "objectives": [
             {"zh": "学习倾听与表达的沟通技巧", "en": "Learn listening and speaking skills"},
             {"zh": "主动联系邻里与老朋友", "en": "Reach out to neighbours and old friends"}],
           "activities": [
             {"zh": "角色扮演：和邻居打招呼", "en": "Role play: greeting a neighbour"},
             {"zh": "两人一组的倾听练习", "en": "Listening practice in pairs"}]},
          {"sequence": 6, "phase": "CONSOLIDATION", "defaultDurationMinutes": 90,
           "theme": {"zh": "巩固与告别", "en": "Consolidation and farewell"},
           "objectives": [
             {"zh": "回顾小组收获，巩固改变", "en": "Review what was gained and consolidate the changes"},
             {"zh": "处理离别情绪，建立组员间的互助联系", "en": "Handle feelings about parting and set up peer contact"}],
           "activities": [
             {"zh": "成长回顾：照片墙", "en": "Looking back: a photo wall"},
             {"zh": "后测：孤独感与自我效能感量表", "en": "Post-test: loneliness and self-efficacy scales"},
             {"zh": "互留联系方式与结业仪式", "en": "Exchange contacts and a closing ceremony"}]}
        ]'::jsonb);

INSERT INTO programme_template (code, name_zh, name_en, description_zh, description_en, group_kind, built_in, sessions)
VALUES ('SPIRITUAL_COMFORT_8',
        '独居老人精神慰藉互助小组（八节）',
        'Eight-session spiritual-comfort mutual-aid programme',
        '在需求调查和组员招募筛选之后开展的互助小组：倾诉、回忆、情绪疏导与同伴互助，过程中观察记录并及时调整方案。',
        'A mutual-aid group run after a needs survey and the recruitment and screening of members: sharing, reminiscence, easing feelings and peer help, observed and recorded along the way and adjusted in time.',
        'MUTUAL_AID_GROUP', true,
        '[
          {"sequence": 1, "phase": "CHANGE", "defaultDurationMinutes": 90,
           "theme": {"zh": "相聚相识", "en": "Coming together"},
           "objectives": [
             {"zh": "组员相互认识，了解彼此的需要", "en": "Members meet and learn about one another''s needs"},
             {"zh": "建立小组规范", "en": "Set the group''s ground rules"}],
           "activities": [
             {"zh": "自我介绍：我的家乡", "en": "Introductions: where I come from"},
             {"zh": "共同约定小组规范", "en": "Agree the ground rules together"}]},
          {"sequence": 2, "phase": "CHANGE", "defaultDurationMinutes": 90,
           "theme": {"zh": "倾诉与倾听", "en": "Sharing and listening"},
           "objectives": [
             {"zh": "在安全的氛围中倾诉独居的感受", "en": "Talk about living alone in a safe setting"},
             {"zh": "练习耐心倾听他人", "en": "Practise listening patiently to others"}],
           "activities": [
             {"zh": "心情分享圈", "en": "Feelings circle"},
             {"zh": "倾听小练习", "en": "Short listening exercises"}]},
          {"sequence": 3, "phase": "CHANGE", "defaultDurationMinutes": 90,
           "theme": {"zh": "回忆人生", "en": "Life review"},
           "objectives": [
             {"zh": "通过回忆肯定自己的人生价值", "en": "Affirm the worth of one''s life through reminiscence"}],
           "activities": [
             {"zh": "老照片里的故事", "en": "Stories behind old photographs"},
             {"zh": "制作人生小册子", "en": "Make a life-story booklet"}]},
          {"sequence": 4, "phase": "CHANGE", "defaultDurationMinutes": 90,
           "theme": {"zh": "情绪疏导", "en": "Easing difficult feelings"},
           "objectives": [
             {"zh": "认识孤独、思念等情绪并学会疏导", "en": "Recognise loneliness and longing and learn ways to ease them"}],
           "activities": [
             {"zh": "情绪卡片游戏", "en": "Feelings card game"},
             {"zh": "放松呼吸与手指操", "en": "Relaxed breathing and finger exercises"}]},
          {"sequence": 5, "phase": "CHANGE", "defaultDurationMinutes": 90,
           "theme": {"zh": "兴趣同乐", "en": "Shared pastimes"},
           "objectives": [
             {"zh": "在共同活动中增加愉快体验", "en": "Enjoy doing things together"}],
           "activities": [
             {"zh": "唱老歌、下象棋或剪纸", "en": "Old songs, Chinese chess or paper-cutting"}]},
          {"sequence": 6, "phase": "CONSOLIDATION", "defaultDurationMinutes": 90,
           "theme": {"zh": "邻里互助", "en": "Neighbourly help"},
           "objectives": [
             {"zh": "学习在日常生活中互相照应", "en": "Learn to look out for one another day to day"}],
           "activities": [
             {"zh": "结对子：互助伙伴", "en": "Pairing up as mutual-aid partners"},
             {"zh": "讨论：遇到困难找谁", "en": "Discussion: whom to call when in trouble"}]},
          {"sequence": 7, "phase": "CONSOLIDATION", "defaultDurationMinutes": 90,
           "theme": {"zh": "编织互助网络", "en": "Building a mutual-aid network"},
           "objectives": [
             {"zh": "把小组关系延伸到社区支持网络", "en": "Extend the group''s ties into a community support network"}],
           "activities": [
             {"zh": "绘制我的支持网络图", "en": "Draw my support network"},
             {"zh": "认识社区志愿者与社工", "en": "Meet community volunteers and social workers"}]},
          {"sequence": 8, "phase": "CONSOLIDATION", "defaultDurationMinutes": 90,
           "theme": {"zh": "温情告别", "en": "A warm farewell"},
           "objectives": [
             {"zh": "回顾成长，处理离别情绪", "en": "Look back on the journey and handle feelings about parting"},
             {"zh": "约定小组结束后的互助方式", "en": "Agree how to keep helping one another afterwards"}],
           "activities": [
             {"zh": "互赠祝福卡", "en": "Exchange good-wish cards"},
             {"zh": "后测与结业合影", "en": "Post-test and a group photo"}]}
        ]'::jsonb);
