namespace ChatOps.IntentRecognition.Local;

/// <summary>Words that put the ops vocabulary in another sense: weather clouds, a Java lambda, an Audi S3, the Amazon
/// river, cargo containers, pea pods, graph nodes, a music scale, a wine region, a bucket list, a stock price, a career
/// or a passport. None of them is something the team runs, so a question that has one is not for the AWS CLI unless
/// it names a resource id. General vocabulary, not sample sentences; each word was checked against every ops question
/// of the training, dev and regression sets.</summary>
internal static class OtherSenseLexicon
{
    public static readonly CueGroup[] Groups =
    [
        // Weather and the sky.
        new(CueKind.OffTopic, 1,
            "weather", "sunny", "cloudy", "rain", "rainy", "raining", "rainfall", "thunderstorm*",
            "meteor*", "eclipse", "sky", "skies", "sunrise", "fog", "foggy", "humid*", "umbrella", "snowing",
            "snowfall", "hurricane*", "tornado*", "typhoon*", "stargaz*", "telescope*", "galaxy", "galaxies",
            "constellation*", "cumulus", "nimbus", "cirrus", "overcast", "the clouds", "clouds clear", "clouds roll"),

        // Programming and mathematics, not a deployed function.
        new(CueKind.OffTopic, 1,
            "kotlin", "haskell", "lisp", "c++", "lambda 表达式", "lambda表达式", "anonymous class*",
            "anonymous function*", "anonymous inner class*", "lambda expression*", "lambda calculus", "list comprehension*",
            "syntax", "compiler*", "recursion", "greek alphabet", "greek letter", "physics", "calculus", "wavelength",
            "graph theory", "dijkstra", "adjacency", "vertex", "vertices", "linked list*", "binary tree*", "leetcode"),

        // Cars, money, the river and shopping, shipping, nature, music, wine, life admin and careers.
        new(CueKind.OffTopic, 1,
            "audi", "bmw", "mercedes", "toyota", "honda", "tesla", "porsche", "volkswagen", "hyundai", "subaru", "mazda",
            "lexus", "volvo", "sedan", "hatchback", "mileage", "horsepower", "test drive", "oil change", "tyre*",
            "dealership*", "daily driver", "motorcycle*", "stock price", "share price", "stock market", "dividend*",
            "investor*", "earnings call", "market cap", "amzn", "nasdaq", "brokerage", "s&p", "index fund*", "etf", "etfs",
            "dow jones", "ship's log", "captain's log", "voyage*", "sailor*", "coffee machine*", "vending machine*", "washing machine*", "sewing machine*", "river", "rainforest", "jungle",
            "piranha*", "wildlife", "amazon prime", "prime video", "alexa", "kindle", "audible", "whole foods", "bezos",
            "cargo ship*", "cargo", "vessel*", "freight*", "forklift*", "lorry", "lorries",
            "shipping container*", "intermodal", "seaport*", "pea", "peas", "whale*", "dolphin*", "orca*", "seed pod*",
            "coffee pod*", "nespresso", "star cluster*", "grape*", "lymph*", "piano", "guitar", "chord*",
            "musical", "major scale", "minor scale", "bathroom scale", "kitchen scale", "richter", "earthquake*",
            "fish scale*", "wine*", "vineyard*", "brain region*", "dialect*", "tourist*", "bucket list",
            "career", "careers", "job market", "interview*", "salary", "salaries", "certification*", "exam", "exams", "airpods", "tupperware", "recipe*", "baking", "oven",
            "flour", "dough", "sourdough", "passport*", "visa", "embassy", "consulate", "driver's license", "mortgage*",
            "landlord"),

        // Daily life: food, sport, entertainment, travel and transport, shopping.
        new(CueKind.OffTopic, 1,
            "dinner", "breakfast", "movie*", "film", "poem", "song*", "lyrics", "football", "soccer", "basketball",
            "nba", "world cup", "olympics", "restaurant*", "pizza", "burger", "sushi", "beer", "birthday", "vacation",
            "horoscope", "zodiac", "riddle", "homework", "netflix", "gym", "workout", "diet", "bitcoin",
            "lottery", "hotel", "chess", "sudoku", "novel", "boyfriend", "girlfriend", "tv show", "playlist", "music",
            "cooking", "airport", "dinosaur*", "planet", "universe", "ferry", "ferries", "subway", "metro", "tram",
            "train to", "train station", "train ticket*", "bus line", "bus stop", "bus route", "school bus", "buses", "groceries", "grocery", "supermarket",
            "apartment", "lakers", "stadium"),

        // Animals, space, sport, household bills, games and social media, stories.
        new(CueKind.OffTopic, 1,
            "squirrel*", "bird", "birds", "kitten*", "puppy", "puppies", "horse*", "cow", "cows", "lion*", "tiger*",
            "monkey*", "snake*", "shark*", "fish", "animal*", "zoo", "dog", "dogs", "referee*", "goalkeeper*", "league",
            "tournament*", "championship*", "playoff*", "electricity", "electric bill*", "utility bill*", "gas bill*",
            "phone bill*", "water bill*", "moon", "mars", "nasa", "rocket launch*", "astronaut*", "spacex", "story",
            "stories", "clouds", "storm clouds", "thunder", "earnings", "uber", "taxi", "xbox", "playstation",
            "nintendo", "youtube", "tiktok", "instagram", "neighbourhood", "neighborhood"),

        new(CueKind.OffTopic, 1,
            "天气", "下雨", "云彩", "乌云", "晴天", "流星", "星空", "星团", "日落", "日出", "台风", "奥迪", "宝马", "奔驰",
            "丰田", "本田", "特斯拉", "汽车", "开车", "保养", "4s店", "股价", "股票", "市值", "亚马逊河", "雨林",
            "货轮", "货船", "码头", "集装箱船", "海运", "匿名内部类", "匿名函数", "语法", "职业发展",
            "面试", "简历", "考证", "认证考试", "护照", "签证", "菜谱", "做菜", "鱼鳞", "音阶",
            "葡萄酒", "产区", "淋巴", "豌豆", "鲸", "遗愿清单"),

        // History and war, medicine, biology, sport, school and language, games, the home, money, geography.
        new(CueKind.OffTopic, 1,
            "troops", "soldier*", "army", "armies", "the allies", "d-day", "world war", "battle*", "invasion", "military",
            "navy", "regiment*", "battalion*", "napoleon", "roman empire", "medieval", "ancient", "doctor", "nurse*",
            "hospital*", "fever", "flu", "vaccine*", "allerg*", "medication*", "dentist", "blood pressure", "headache",
            "bacteria", "dna", "protein*", "photosynthesis", "mitochondria", "organism*", "species", "marathon", "tennis",
            "golf", "swimming", "cycling", "bouldering", "yoga", "bench press", "athlete*", "teacher*", "student*",
            "school", "university", "essay", "thesis", "semester", "grammar", "verb", "verbs", "noun", "nouns",
            "adjective*", "pronounc*", "synonym*", "spelling", "minecraft", "fortnite", "zelda", "pokemon", "roblox",
            "video game*", "board game*", "dungeon*", "fridge", "refrigerator", "washing machine", "dishwasher",
            "microwave", "thermostat", "furniture", "sofa", "garden*", "wedding*", "inflation", "interest rate*",
            "credit card*", "tax return*", "pension", "cryptocurrenc*", "continent*", "ocean*", "island*", "desert*"),

        // Chinese daily life: cars, travel, food, sport, entertainment, home and money, the sky.
        new(CueKind.OffTopic, 1,
            "车型", "落地价", "提车", "油耗", "马力", "试驾", "轮胎", "二手车", "驾照", "高铁", "地铁", "公交", "号线", "火车票", "机票", "景点",
            "旅游", "电影", "电视剧", "足球", "篮球", "球队", "宠物", "猫粮", "狗粮", "咖啡", "奶茶", "火锅", "房租",
            "房贷", "彩票", "比特币", "星座", "健身", "减肥", "烤箱", "蛋糕", "歌词", "小说", "恐龙", "月亮", "火星",
            "太阳系", "地震", "军队", "士兵", "战争", "战役", "二战", "抗战", "军事", "诺曼底", "医生", "医院", "感冒",
            "发烧", "疫苗", "血压", "头疼", "牙医", "细胞", "细菌", "基因", "蛋白质", "物种", "马拉松", "网球", "高尔夫",
            "游泳", "瑜伽", "健身房", "老师", "学生", "学校", "论文", "期末", "高考", "语法", "单词", "发音", "成语",
            "我的世界", "王者荣耀", "原神", "桌游", "冰箱", "洗衣机", "微波炉", "空调", "家具", "沙发", "花园", "婚礼",
            "宝宝", "婴儿", "没电了", "电池", "通货膨胀", "利率", "信用卡", "个税", "退休金", "海洋", "沙漠"),
    ];
}
