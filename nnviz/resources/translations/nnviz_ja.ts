<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name></name>
    <message>
        <source>unknown optimizer {name!r}; choose one of {names}</source>
        <translation>最適化手法 {name!r} はありません。次から選んでください: {names}</translation>
    </message>
    <message>
        <source>1</source>
        <translation>1</translation>
    </message>
    <message>
        <source>0 (x ≠ 0; 0 at x = 0)</source>
        <translation>0 (x ≠ 0。x = 0 でも 0 とする)</translation>
    </message>
    <message>
        <source>f(x)(1 − f(x))</source>
        <translation>f(x)(1 − f(x))</translation>
    </message>
    <message>
        <source>1 − f(x)²</source>
        <translation>1 − f(x)²</translation>
    </message>
    <message>
        <source>1 / (x² + 1)</source>
        <translation>1 / (x² + 1)</translation>
    </message>
    <message>
        <source>0 (x &lt; 0), 1 (x ≥ 0)</source>
        <translation>0 (x &lt; 0), 1 (x ≥ 0)</translation>
    </message>
    <message>
        <source>α (x &lt; 0), 1 (x ≥ 0)</source>
        <translation>α (x &lt; 0), 1 (x ≥ 0)</translation>
    </message>
    <message>
        <source>f(x) + α (x &lt; 0), 1 (x ≥ 0)</source>
        <translation>f(x) + α (x &lt; 0), 1 (x ≥ 0)</translation>
    </message>
    <message>
        <source>1 / (1 + e^(−x))</source>
        <translation>1 / (1 + e^(−x))</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>恒等写像</translation>
    </message>
    <message>
        <source>Binary step</source>
        <translation>ステップ関数</translation>
    </message>
    <message>
        <source>Logistic (sigmoid)</source>
        <translation>ロジスティック (シグモイド)</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>ArcTan</source>
        <translation>ArcTan</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>PReLU</source>
        <translation>PReLU</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>SoftPlus</source>
        <translation>SoftPlus</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>ソフトマックス関数</translation>
    </message>
    <message>
        <source>unknown activation {name!r}; choose one of {names}</source>
        <translation>活性化関数 {name!r} はありません。次から選んでください: {names}</translation>
    </message>
    <message>
        <source>{file}: cannot save (no folder {folder})</source>
        <translation>{file}: 保存できません(フォルダ {folder} がありません)</translation>
    </message>
    <message>
        <source>{file}: nnviz records .gif or .mp4 files</source>
        <translation>{file}: nnviz が録画できるのは .gif か .mp4 ファイルです</translation>
    </message>
    <message>
        <source>MP4 recordings need imageio-ffmpeg: pip install &apos;nnviz[video]&apos; (or record a .gif)</source>
        <translation>MP4 の録画には imageio-ffmpeg が必要です: pip install &apos;nnviz[video]&apos;(または .gif で録画)</translation>
    </message>
    <message>
        <source>{frames} frames of {width} × {height} pixels need {need:,} MB, more than the {limit:,} MB a recording may hold: record fewer frames or a smaller picture</source>
        <translation>{width} × {height} ピクセルの {frames} フレームには {need:,} MB が必要で、1 回の録画の上限 {limit:,} MB を超えます: フレーム数を減らすか、小さな画面で録画してください</translation>
    </message>
    <message>
        <source>there are no training samples</source>
        <translation>訓練データが 1 件もありません</translation>
    </message>
    <message>
        <source>batch size must be at least 1, got {size}</source>
        <translation>バッチサイズは 1 以上が必要です（指定: {size}）</translation>
    </message>
    <message>
        <source>unknown task {task!r}; use one of {names}</source>
        <translation>タスク {task!r} はありません。次から選んでください: {names}</translation>
    </message>
    <message>
        <source>{name}: {field} must be 2-D (rows, columns), got shape {shape}</source>
        <translation>{name}: {field} は 2 次元（行, 列）が必要です（形: {shape}）</translation>
    </message>
    <message>
        <source>{name}: X {x} and d {d} do not fit {inputs} inputs and {targets} target column(s)</source>
        <translation>{name}: X {x} と d {d} が入力 {inputs} 個と教師信号 {targets} 列に合いません</translation>
    </message>
    <message>
        <source>{name}: {count} target names for {targets} target column(s)</source>
        <translation>{name}: 教師信号の列 {targets} 個に対して名前が {count} 個です</translation>
    </message>
    <message>
        <source>{name}: a regression data set has no class labels</source>
        <translation>{name}: 回帰のデータセットにはクラスラベルがありません</translation>
    </message>
    <message>
        <source>xor</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>points in the four quadrants; class 1 where x1·x2 &gt; 0</source>
        <translation>4 つの象限の点。x1·x2 &gt; 0 の所がクラス 1</translation>
    </message>
    <message>
        <source>circles</source>
        <translation>円</translation>
    </message>
    <message>
        <source>inner disc (class 1) inside an outer ring (class 0)</source>
        <translation>外側の輪 (クラス 0) の内側に円板 (クラス 1)</translation>
    </message>
    <message>
        <source>gaussians</source>
        <translation>ガウス分布</translation>
    </message>
    <message>
        <source>two Gaussian clusters; class 1 upper right</source>
        <translation>2 つのガウス分布のクラスタ。右上がクラス 1</translation>
    </message>
    <message>
        <source>spiral</source>
        <translation>渦巻き</translation>
    </message>
    <message>
        <source>two interleaved spirals</source>
        <translation>絡み合った 2 本の渦巻き</translation>
    </message>
    <message>
        <source>moons</source>
        <translation>三日月</translation>
    </message>
    <message>
        <source>two interleaved half moons</source>
        <translation>噛み合った 2 つの半月</translation>
    </message>
    <message>
        <source>blobs</source>
        <translation>クラスタ</translation>
    </message>
    <message>
        <source>K Gaussian clusters on a circle</source>
        <translation>円周上に並ぶ K 個のガウス分布のクラスタ</translation>
    </message>
    <message>
        <source>spiral_k</source>
        <translation>K クラスの渦巻き</translation>
    </message>
    <message>
        <source>K interleaved spiral arms</source>
        <translation>絡み合った K 本の渦巻きの腕</translation>
    </message>
    <message>
        <source>sin</source>
        <translation>sin</translation>
    </message>
    <message>
        <source>y = sin(x) + noise, x in [-π, π]</source>
        <translation>y = sin(x) + ノイズ、x ∈ [-π, π]</translation>
    </message>
    <message>
        <source>surface</source>
        <translation>曲面</translation>
    </message>
    <message>
        <source>y = sin(x1)·cos(x2) + noise, x in [-π, π]²</source>
        <translation>y = sin(x1)·cos(x2) + ノイズ、x ∈ [-π, π]²</translation>
    </message>
    <message>
        <source>slides</source>
        <translation>スライドの例題</translation>
    </message>
    <message>
        <source>the slides&apos; worked example: x = (x1..x4), two outputs y1, y2</source>
        <translation>スライドの例題: x = (x1..x4)、出力は y1, y2 の 2 つ</translation>
    </message>
    <message>
        <source>unknown data set {name!r}; known: {names}</source>
        <translation>データセット {name!r} はありません。使えるもの: {names}</translation>
    </message>
    <message>
        <source>samples must be an integer from 2 to {limit:,}, got {value!r}</source>
        <translation>サンプル数は 2 から {limit:,} までの整数にしてください（指定: {value!r}）</translation>
    </message>
    <message>
        <source>noise must be a number from 0 to {limit:g}, got {value!r}</source>
        <translation>ノイズは 0 から {limit:g} までの数にしてください（指定: {value!r}）</translation>
    </message>
    <message>
        <source>test_ratio must be a number in [0, 1), got {value!r}</source>
        <translation>test_ratio は [0, 1) の数で指定してください（指定: {value!r}）</translation>
    </message>
    <message>
        <source>classes must be an integer from 2 to {limit}, got {value!r}</source>
        <translation>クラス数は 2 から {limit} までの整数で指定してください（指定: {value!r}）</translation>
    </message>
    <message>
        <source>unknown feature(s) {unknown}; known: {names}</source>
        <translation>特徴量 {unknown} はありません。使えるもの: {names}</translation>
    </message>
    <message>
        <source>{features} features, {means} means and {stds} standard deviations: the counts must agree</source>
        <translation>特徴量 {features} 個、平均 {means} 個、標準偏差 {stds} 個: 個数がそろっている必要があります</translation>
    </message>
    <message>
        <source>standard deviations must all be &gt; 0</source>
        <translation>標準偏差はすべて 0 より大きい必要があります</translation>
    </message>
    <message>
        <source>features {names} need 2 raw inputs (x1, x2), got {count}</source>
        <translation>特徴量 {names} には元の入力が 2 個 (x1, x2) 必要です（指定: {count} 個）</translation>
    </message>
    <message>
        <source>inputs must be 2-D (N, n_raw), got shape {shape}</source>
        <translation>入力は 2 次元 (N, n_raw) が必要です（形: {shape}）</translation>
    </message>
    <message>
        <source>fitted on {fitted} columns, got {count}</source>
        <translation>{fitted} 列で当てはめましたが、{count} 列が来ました</translation>
    </message>
    <message>
        <source>cannot standardise without any training inputs</source>
        <translation>訓練入力がないため標準化できません</translation>
    </message>
    <message>
        <source>preprocess must be a dict with keys features, mean, std; got {value!r}</source>
        <translation>preprocess はキー features, mean, std を持つ辞書が必要です（指定: {value!r}）</translation>
    </message>
    <message>
        <source>preprocess features must be a list of names, got {value!r}</source>
        <translation>preprocess の features は名前のリストが必要です（指定: {value!r}）</translation>
    </message>
    <message>
        <source>preprocess {key} must be a list of finite numbers, got {value!r}</source>
        <translation>preprocess の {key} は有限の数のリストが必要です（指定: {value!r}）</translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}: {reason}</translation>
    </message>
    <message>
        <source>{file}: file is {size:,} bytes, more than the limit of {limit:,}</source>
        <translation>{file}: ファイルが {size:,} バイトあり、上限の {limit:,} バイトを超えています</translation>
    </message>
    <message>
        <source>{file}: unknown encoding {encoding!r}; use one of {names}</source>
        <translation>{file}: 文字コード {encoding!r} は使えません。{names} のいずれかを使ってください</translation>
    </message>
    <message>
        <source>{file}, line {line}: byte 0x{byte:02x} is neither UTF-8 nor CP932 (Shift_JIS) text, and there is no UTF-16 BOM; save the file as CSV UTF-8 or choose its encoding</source>
        <translation>{file} の {line} 行目: バイト 0x{byte:02x} は UTF-8 の文字でも CP932（Shift_JIS）の文字でもなく、UTF-16 の BOM もありません。ファイルを「CSV UTF-8」で保存し直すか、文字コードを選んでください</translation>
    </message>
    <message>
        <source>{file}, line {line}: byte 0x{byte:02x} is not {encoding} text; choose another encoding (automatic tries UTF-8, CP932 and UTF-16)</source>
        <translation>{file} の {line} 行目: バイト 0x{byte:02x} は {encoding} の文字ではありません。別の文字コードを選んでください（自動なら UTF-8、CP932、UTF-16 を試します）</translation>
    </message>
    <message>
        <source>{file}: file is empty</source>
        <translation>{file}: ファイルが空です</translation>
    </message>
    <message>
        <source>{file}, line {line}: the header has one column only; a data set needs at least 2 columns (inputs and a target) separated by &apos;,&apos; &apos;;&apos; or tab — wrong delimiter?</source>
        <translation>{file} の {line} 行目: 見出し行が 1 列しかありません。データセットには &apos;,&apos; &apos;;&apos; またはタブで区切った 2 列以上（入力と教師信号）が必要です — 区切り文字が違っていませんか？</translation>
    </message>
    <message>
        <source>{file}, line {line}: {count:,} columns, more than the limit of {limit:,}</source>
        <translation>{file}、{line} 行目: {count:,} 列あり、上限の {limit:,} 列を超えています</translation>
    </message>
    <message>
        <source>{file}: more than {limit:,} data rows (line {line})</source>
        <translation>{file}: データ行が上限の {limit:,} 行を超えています（{line} 行目）</translation>
    </message>
    <message>
        <source>reading {file} cancelled at line {line}</source>
        <translation>{file} の読み込みを {line} 行目で中止しました</translation>
    </message>
    <message>
        <source>{file}, line {line}: {reason}</source>
        <translation>{file} の {line} 行目: {reason}</translation>
    </message>
    <message>
        <source>{file}, line {line}, column {column!r}: {value!r} is not a number</source>
        <translation>{file} の {line} 行目、列 {column!r}: {value!r} は数値ではありません</translation>
    </message>
    <message>
        <source>{file}, line {line}, column {column!r}: {value!r} (NaN or infinity) is not allowed</source>
        <translation>{file} の {line} 行目、列 {column!r}: {value!r}（NaN や無限大）は使えません</translation>
    </message>
    <message>
        <source>{file}: unknown decimal mark {decimal!r}; use one of {names}</source>
        <translation>{file}: 小数点 {decimal!r} は使えません。{names} のいずれかを使ってください</translation>
    </message>
    <message>
        <source>{file}: no header row (the file holds only delimiters and spaces)</source>
        <translation>{file}: 見出し行がありません（区切り文字と空白しかありません）</translation>
    </message>
    <message>
        <source>{file}, line {line}: column {index} has no name</source>
        <translation>{file} の {line} 行目: {index} 列目に名前がありません</translation>
    </message>
    <message>
        <source>{file}, line {line}: column name {name!r} appears twice (columns {first} and {index})</source>
        <translation>{file} の {line} 行目: 列名 {name!r} が 2 回出てきます（{first} 列目と {index} 列目）</translation>
    </message>
    <message>
        <source>{file}: the file has a header (line {header_line}) but no data rows</source>
        <translation>{file}: 見出し行（{header_line} 行目）はありますが、データ行がありません</translation>
    </message>
    <message>
        <source>{file}, line {line}: {count} values, but the header has {columns} columns ({names})</source>
        <translation>{file} の {line} 行目: 値が {count} 個ありますが、見出しは {columns} 列です（{names}）</translation>
    </message>
    <message>
        <source>{file}: {columns} columns ({names}), but the network needs {inputs} inputs ({wanted})</source>
        <translation>{file}: 列は {columns} 個（{names}）ですが、ネットワークには入力が {inputs} 個（{wanted}）必要です</translation>
    </message>
    <message>
        <source>{file}: {columns} columns ({names}), but the network needs {inputs} inputs</source>
        <translation>{file}: 列は {columns} 個（{names}）ですが、ネットワークには入力が {inputs} 個必要です</translation>
    </message>
    <message>
        <source>{file}: unknown task {task!r}; use one of {names}</source>
        <translation>{file}: タスク {task!r} はありません。次から選んでください: {names}</translation>
    </message>
    <message>
        <source>{file}: {count} target columns ({names}) make a multi-output regression; task {task!r} takes one target column</source>
        <translation>{file}: 教師信号の列 {count} 個 ({names}) は出力が複数の回帰になります。タスク {task!r} の教師信号は 1 列だけです</translation>
    </message>
    <message>
        <source>{file}: no column named {name!r}; columns: {names}</source>
        <translation>{file}: 列 {name!r} はありません。列: {names}</translation>
    </message>
    <message>
        <source>{file}: target column {column!r} is listed twice</source>
        <translation>{file}: 教師信号の列 {column!r} が 2 回指定されています</translation>
    </message>
    <message>
        <source>{file}: no column named {unknown}; columns: {names}</source>
        <translation>{file}: 列 {unknown} はありません。列: {names}</translation>
    </message>
    <message>
        <source>{file}: no input columns chosen; columns: {names}</source>
        <translation>{file}: 入力の列が選ばれていません。列: {names}</translation>
    </message>
    <message>
        <source>{file}: column {column!r} cannot be both the target and an input</source>
        <translation>{file}: 列 {column!r} を教師信号と入力の両方にはできません</translation>
    </message>
    <message>
        <source>{file}: input column {column!r} is listed twice</source>
        <translation>{file}: 入力の列 {column!r} が 2 回指定されています</translation>
    </message>
    <message>
        <source>{file}, line {line}, column {column!r}: the target is empty; every row needs a value</source>
        <translation>{file}、{line} 行目、列 {column!r}: 教師信号が空です。すべての行に値が必要です</translation>
    </message>
    <message>
        <source>{file}, column {column!r}: only one class ({name!r}); classification needs at least 2</source>
        <translation>{file} の列 {column!r}: クラスが 1 つ（{name!r}）しかありません。分類には 2 つ以上必要です</translation>
    </message>
    <message>
        <source>{file}, column {column!r}: {count} different values, more than {limit} classes — is it the right target column, or should the task be regression?</source>
        <translation>{file} の列 {column!r}: 異なる値が {count} 個あり、{limit} クラスを超えています — 教師信号の列は正しいですか？ それとも回帰の問題ではありませんか？</translation>
    </message>
    <message>
        <source>{file}, column {column!r}: task &apos;binary&apos; needs exactly 2 classes, found {count} ({names})</source>
        <translation>{file} の列 {column!r}: タスク &apos;binary&apos; にはちょうど 2 クラスが必要ですが、{count} クラスあります（{names}）</translation>
    </message>
    <message>
        <source>cannot save X {x} and d {d} with {count} input names</source>
        <translation>X {x} と d {d} を入力名 {count} 個では保存できません</translation>
    </message>
    <message>
        <source>d has {count} columns but {names} target name(s); pass classes to save one-hot targets</source>
        <translation>d は {count} 列ですが教師信号の名前は {names} 個です。one-hot の教師信号を保存するには classes を渡してください</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>ファイルがありません</translation>
    </message>
    <message>
        <source>cannot read the file ({reason})</source>
        <translation>ファイルを読めません（{reason}）</translation>
    </message>
    <message>
        <source>is a directory, not a file</source>
        <translation>ファイルではなくディレクトリです</translation>
    </message>
    <message>
        <source>is not a regular file (a pipe, device or socket)</source>
        <translation>通常のファイルではありません（パイプ、デバイスまたはソケット）</translation>
    </message>
    <message>
        <source>not a zip archive (or a truncated one)</source>
        <translation>zip アーカイブではありません（または途中で切れています）</translation>
    </message>
    <message>
        <source>the archive&apos;s directory lists {count:,} entries in {size:,} bytes; nnviz expects at most {limit} entries in {limit_size:,} bytes</source>
        <translation>アーカイブの目録には {count:,} 個の項目が {size:,} バイトで記載されています。nnviz が受け付けるのは {limit_size:,} バイト以内の {limit} 個までです</translation>
    </message>
    <message>
        <source>the archive has {count:,} entries; nnviz expects at most {limit}</source>
        <translation>アーカイブに {count:,} 個の項目があります。nnviz が受け付けるのは {limit} 個までです</translation>
    </message>
    <message>
        <source>entry {name!r} is encrypted; nnviz reads only unencrypted files</source>
        <translation>項目 {name!r} は暗号化されています。nnviz は暗号化されていないファイルだけを読みます</translation>
    </message>
    <message>
        <source>entry {name!r} is compressed with {method}; nnviz reads only stored or deflated entries</source>
        <translation>項目 {name!r} は {method} で圧縮されています。nnviz が読むのは無圧縮（stored）か deflate 圧縮の項目だけです</translation>
    </message>
    <message>
        <source>entry {name!r} appears twice</source>
        <translation>項目 {name!r} が 2 回現れます</translation>
    </message>
    <message>
        <source>{name} unpacks to {size:,} bytes, more than the limit of {limit:,}</source>
        <translation>{name} は展開すると {size:,} バイトになり、上限の {limit:,} バイトを超えます</translation>
    </message>
    <message>
        <source>{name} unpacks to more than the limit of {limit:,} bytes</source>
        <translation>{name} は展開すると上限の {limit:,} バイトを超えます</translation>
    </message>
    <message>
        <source>{key} has dtype {dtype}, expected real numbers</source>
        <translation>{key} の dtype が {dtype} です。実数が必要です</translation>
    </message>
    <message>
        <source>{key} has shape {shape} ({size:,} bytes), more than the remaining limit of {limit:,} bytes</source>
        <translation>{key} の形状は {shape}（{size:,} バイト）で、残りの上限 {limit:,} バイトを超えます</translation>
    </message>
    <message>
        <source>the JSON text has {size:,} characters, more than the limit of {limit:,}</source>
        <translation>JSON テキストが {size:,} 文字あり、上限の {limit:,} 文字を超えています</translation>
    </message>
    <message>
        <source>the JSON text holds about {count:,} values, more than the limit of {limit:,}</source>
        <translation>JSON テキストに約 {count:,} 個の値があり、上限の {limit:,} 個を超えています</translation>
    </message>
    <message>
        <source>the key {key!r} appears twice in one object</source>
        <translation>キー {key!r} が 1 つのオブジェクトに 2 回現れます</translation>
    </message>
    <message>
        <source>the JSON text is nested too deeply</source>
        <translation>JSON テキストの入れ子が深すぎます</translation>
    </message>
    <message>
        <source>subscript [...]</source>
        <translation>添字 [...]</translation>
    </message>
    <message>
        <source>lambda</source>
        <translation>lambda 式</translation>
    </message>
    <message>
        <source>comprehension</source>
        <translation>内包表記</translation>
    </message>
    <message>
        <source>comparison</source>
        <translation>比較</translation>
    </message>
    <message>
        <source>boolean operator (and/or)</source>
        <translation>論理演算子 (and/or)</translation>
    </message>
    <message>
        <source>conditional expression (... if ... else ...)</source>
        <translation>条件式 (... if ... else ...)</translation>
    </message>
    <message>
        <source>assignment &apos;:=&apos;</source>
        <translation>代入 &apos;:=&apos;</translation>
    </message>
    <message>
        <source>starred argument</source>
        <translation>アスタリスク付きの引数</translation>
    </message>
    <message>
        <source>f-string</source>
        <translation>f 文字列</translation>
    </message>
    <message>
        <source>list</source>
        <translation>リスト</translation>
    </message>
    <message>
        <source>tuple (a comma)</source>
        <translation>タプル（カンマ）</translation>
    </message>
    <message>
        <source>set</source>
        <translation>集合</translation>
    </message>
    <message>
        <source>dict</source>
        <translation>辞書</translation>
    </message>
    <message>
        <source>slice</source>
        <translation>スライス</translation>
    </message>
    <message>
        <source>{reason} at column {column}</source>
        <translation>{reason}（{column} 文字目）</translation>
    </message>
    <message>
        <source>formula too complex to differentiate ({count} terms)</source>
        <translation>式が複雑すぎて微分できません（{count} 項）</translation>
    </message>
    <message>
        <source>character {char!r} is not allowed</source>
        <translation>文字 {char!r} は使えません</translation>
    </message>
    <message>
        <source>&apos;{bracket}&apos; was never closed</source>
        <translation>&apos;{bracket}&apos; が閉じられていません</translation>
    </message>
    <message>
        <source>unmatched &apos;{bracket}&apos;</source>
        <translation>&apos;{bracket}&apos; に対応する括弧がありません</translation>
    </message>
    <message>
        <source>closing parenthesis &apos;{closing}&apos; does not match opening parenthesis &apos;{opening}&apos;</source>
        <translation>閉じ括弧 &apos;{closing}&apos; が開き括弧 &apos;{opening}&apos; と対応していません</translation>
    </message>
    <message>
        <source>invalid syntax</source>
        <translation>文法の誤り</translation>
    </message>
    <message>
        <source>invalid syntax. Perhaps you forgot a comma?</source>
        <translation>文法の誤り。カンマを書き忘れていませんか？</translation>
    </message>
    <message>
        <source>invalid decimal literal</source>
        <translation>数値の書き方の誤り</translation>
    </message>
    <message>
        <source>a formula must be text, got {type}</source>
        <translation>式は文字列で指定してください（型: {type}）</translation>
    </message>
    <message>
        <source>formula too long ({count} characters, at most {limit})</source>
        <translation>式が長すぎます（{count} 文字、上限 {limit}）</translation>
    </message>
    <message>
        <source>empty formula: type an expression in x and y, e.g. x**2 - y**2</source>
        <translation>式が空です: x と y の式を入力してください（例: x**2 - y**2）</translation>
    </message>
    <message>
        <source>brackets nested more than {limit} deep</source>
        <translation>括弧の入れ子が {limit} 段を超えています</translation>
    </message>
    <message>
        <source>import is not allowed in a formula</source>
        <translation>式には import を使えません</translation>
    </message>
    <message>
        <source>not a formula ({reason}; write products with *, e.g. 2*x)</source>
        <translation>式として読めません（{reason}。積は * で書いてください。例: 2*x）</translation>
    </message>
    <message>
        <source>not a formula ({reason})</source>
        <translation>式として読めません（{reason}）</translation>
    </message>
    <message>
        <source>expression nested too deeply (more than {limit} levels)</source>
        <translation>式の入れ子が深すぎます（{limit} 段を超えています）</translation>
    </message>
    <message>
        <source>{type} {value!r} is not allowed, only numbers</source>
        <translation>{type} {value!r} は使えません。使えるのは数値だけです</translation>
    </message>
    <message>
        <source>number too large</source>
        <translation>数値が大きすぎます</translation>
    </message>
    <message>
        <source>{name} is a function: write {name}(...)</source>
        <translation>{name} は関数です: {name}(...) と書いてください</translation>
    </message>
    <message>
        <source>unknown name {name!r} (use x, y, pi, e)</source>
        <translation>名前 {name!r} は使えません（x, y, pi, e を使ってください）</translation>
    </message>
    <message>
        <source>operator &apos;{op}&apos; is not allowed</source>
        <translation>演算子 &apos;{op}&apos; は使えません</translation>
    </message>
    <message>
        <source>operator &apos;{op}&apos; is not allowed (use + - * / ** ^)</source>
        <translation>演算子 &apos;{op}&apos; は使えません（+ - * / ** ^ を使ってください）</translation>
    </message>
    <message>
        <source>exponent {power:g} too large (at most {limit} in size)</source>
        <translation>指数 {power:g} が大きすぎます（絶対値は {limit} まで）</translation>
    </message>
    <message>
        <source>constant power is not a finite number</source>
        <translation>定数のべき乗が有限の数になりません</translation>
    </message>
    <message>
        <source>attribute access &apos;.{name}&apos; is not allowed in a formula</source>
        <translation>式には属性参照 &apos;.{name}&apos; を使えません</translation>
    </message>
    <message>
        <source>{what} is not allowed in a formula</source>
        <translation>式には{what}を使えません</translation>
    </message>
    <message>
        <source>only functions can be called, by name, e.g. sin(x)</source>
        <translation>呼び出せるのは名前で書いた関数だけです（例: sin(x)）</translation>
    </message>
    <message>
        <source>unknown function {name!r} (allowed: {names}, min, max)</source>
        <translation>関数 {name!r} はありません（使える関数: {names}, min, max）</translation>
    </message>
    <message>
        <source>keyword arguments are not allowed in {name}(...)</source>
        <translation>{name}(...) にキーワード引数は使えません</translation>
    </message>
    <message>
        <source>starred argument is not allowed</source>
        <translation>アスタリスク付きの引数は使えません</translation>
    </message>
    <message>
        <source>{name} takes 1 argument, got {count}</source>
        <translation>{name} の引数は 1 個です（指定: {count} 個）</translation>
    </message>
    <message>
        <source>{name} takes {arity} arguments, got {count}</source>
        <translation>{name} の引数は {arity} 個です（指定: {count} 個）</translation>
    </message>
    <message>
        <source>a trajectory needs shape (T ≥ 2, P), got {shape}</source>
        <translation>軌跡の形は (T ≥ 2, P) が必要です（指定: {shape}）</translation>
    </message>
    <message>
        <source>PCA needs at least two parameters</source>
        <translation>PCA にはパラメータが 2 個以上必要です</translation>
    </message>
    <message>
        <source>&apos;weights&apos; directions need two picks (l, j, i)</source>
        <translation>&apos;weights&apos; の方向には (l, j, i) を 2 つ選ぶ必要があります</translation>
    </message>
    <message>
        <source>pick two different parameters</source>
        <translation>異なる 2 つのパラメータを選んでください</translation>
    </message>
    <message>
        <source>&apos;pca&apos; directions need a trajectory of shape (T, {count})</source>
        <translation>&apos;pca&apos; の方向には形 (T, {count}) の軌跡が必要です</translation>
    </message>
    <message>
        <source>unknown kind of direction {kind!r}; choose weights, random or pca</source>
        <translation>方向の種類 {kind!r} はありません。weights, random, pca から選んでください</translation>
    </message>
    <message>
        <source>center, d1 and d2 must have shape ({count},)</source>
        <translation>center, d1, d2 の形は ({count},) が必要です</translation>
    </message>
    <message>
        <source>X {x} and D {d} do not fit a {sizes} network</source>
        <translation>X {x} と D {d} が {sizes} のネットワークに合いません</translation>
    </message>
    <message>
        <source>loss slice cancelled after {done} of {total} points</source>
        <translation>誤差の断面の計算を中止しました（{total} 点中 {done} 点）</translation>
    </message>
    <message>
        <source>the Hessian needs {count}² entries; only nets with at most {limit} parameters are supported</source>
        <translation>ヘッセ行列には {count}² 個の要素が必要です。対応しているのはパラメータ {limit} 個以下のネットワークだけです</translation>
    </message>
    <message>
        <source>Hessian cancelled after {done} of {total} columns</source>
        <translation>ヘッセ行列の計算を中止しました（{total} 列中 {done} 列）</translation>
    </message>
    <message>
        <source>squared error ½‖y − d‖²</source>
        <translation>二乗誤差 ½‖y − d‖²</translation>
    </message>
    <message>
        <source>squared error</source>
        <translation>二乗誤差</translation>
    </message>
    <message>
        <source>cross-entropy −{d log y + (1 − d) log(1 − y)}</source>
        <translation>交差エントロピー −{d log y + (1 − d) log(1 − y)}</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交差エントロピー</translation>
    </message>
    <message>
        <source>cross-entropy −Σ_k d_k log y_k</source>
        <translation>交差エントロピー −Σ_k d_k log y_k</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>回帰</translation>
    </message>
    <message>
        <source>2-class classification</source>
        <translation>2 クラス識別</translation>
    </message>
    <message>
        <source>K-class classification</source>
        <translation>K クラス識別</translation>
    </message>
    <message>
        <source>δ^(L) = z − d (matched output/loss pair)</source>
        <translation>δ^(L) = z − d (出力層と誤差関数が対応する組)</translation>
    </message>
    <message>
        <source>δ^(L) = J_softmax(u^(L))ᵀ ∂L/∂z (general chain rule)</source>
        <translation>δ^(L) = J_softmax(u^(L))ᵀ ∂L/∂z (一般の連鎖律)</translation>
    </message>
    <message>
        <source>δ^(L) = f&apos;(u^(L)) ⊙ ∂L/∂z (general chain rule)</source>
        <translation>δ^(L) = f&apos;(u^(L)) ⊙ ∂L/∂z (一般の連鎖律)</translation>
    </message>
    <message>
        <source>unknown loss {name!r}; choose one of {names}</source>
        <translation>誤差関数 {name!r} はありません。次から選んでください: {names}</translation>
    </message>
    <message>
        <source>a softmax output needs at least 2 output units</source>
        <translation>ソフトマックス関数 (softmax) の出力層には出力ユニットが 2 個以上必要です</translation>
    </message>
    <message>
        <source>cross-entropy needs outputs in (0, 1): use a sigmoid or softmax output layer, not {output!r}</source>
        <translation>交差エントロピーには (0, 1) の出力が必要です: 出力層は {output!r} ではなくロジスティック関数 (sigmoid) かソフトマックス関数 (softmax) にしてください</translation>
    </message>
    <message>
        <source>xavier</source>
        <translation>Xavier</translation>
    </message>
    <message>
        <source>he</source>
        <translation>He</translation>
    </message>
    <message>
        <source>uniform</source>
        <translation>一様分布</translation>
    </message>
    <message>
        <source>small</source>
        <translation>小さい値</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>sum</source>
        <translation>総和</translation>
    </message>
    <message>
        <source>a network needs at least an input and an output layer</source>
        <translation>ネットワークには少なくとも入力層と出力層が必要です</translation>
    </message>
    <message>
        <source>every layer needs at least one unit, got {sizes}</source>
        <translation>どの層にも 1 つ以上のユニットが必要です（{sizes}）</translation>
    </message>
    <message>
        <source>at most {layers} hidden layers of at most {units:,} units each, got {sizes}</source>
        <translation>中間層は最大 {layers} 層、各層のユニット数は最大 {units:,} です。指定: {sizes}</translation>
    </message>
    <message>
        <source>the input and output layers have at most {limit:,} units, got {sizes}</source>
        <translation>入力層と出力層のユニット数は最大 {limit:,} です（{sizes}）</translation>
    </message>
    <message>
        <source>layers {sizes} would need {count:,} weights and biases, more than the limit of {limit:,}</source>
        <translation>層 {sizes} には重みとバイアスが {count:,} 個必要で、上限の {limit:,} 個を超えています</translation>
    </message>
    <message>
        <source>{rows:,} samples × {units:,} units is more than {limit:,}: use fewer samples or smaller layers</source>
        <translation>サンプル数 {rows:,} × ユニット数 {units:,} が上限の {limit:,} を超えています。サンプルを減らすか層を小さくしてください</translation>
    </message>
    <message>
        <source>layer sizes must be whole numbers separated by commas, got {text!r}</source>
        <translation>層のユニット数はカンマ区切りの整数で指定してください（指定: {text!r}）</translation>
    </message>
    <message>
        <source>unknown task {task!r}; choose one of {names}</source>
        <translation>タスク {task!r} はありません。次から選んでください: {names}</translation>
    </message>
    <message>
        <source>reduction must be &apos;mean&apos; or &apos;sum&apos;, got {reduction!r}</source>
        <translation>reduction は &apos;mean&apos; か &apos;sum&apos; です（指定: {reduction!r}）</translation>
    </message>
    <message>
        <source>{hidden} hidden layers need {hidden} activations, got {count}</source>
        <translation>中間層 {hidden} 層には活性化関数が {hidden} 個必要です（指定: {count} 個）</translation>
    </message>
    <message>
        <source>unknown initialisation {name!r}; choose one of {names}</source>
        <translation>初期化 {name!r} はありません。次から選んでください: {names}</translation>
    </message>
    <message>
        <source>no parameter (l={l}, j={j}, i={i}) in a {sizes} network</source>
        <translation>{sizes} のネットワークにパラメータ (l={l}, j={j}, i={i}) はありません</translation>
    </message>
    <message>
        <source>input must have shape (N, {count}), got {shape}</source>
        <translation>入力の形は (N, {count}) が必要です（指定: {shape}）</translation>
    </message>
    <message>
        <source>no ONNX form for activation {name!r}</source>
        <translation>活性化関数 {name!r} は ONNX で表せません</translation>
    </message>
    <message>
        <source>no ONNX form for feature {name!r}</source>
        <translation>特徴量 {name!r} は ONNX で表せません</translation>
    </message>
    <message>
        <source>ONNX export needs the onnx package: pip install &apos;nnviz[onnx]&apos;</source>
        <translation>ONNX で書き出すには onnx パッケージが必要です: pip install &apos;nnviz[onnx]&apos;</translation>
    </message>
    <message>
        <source>ONNX import needs the onnx package: pip install &apos;nnviz[onnx]&apos;</source>
        <translation>ONNX の読み込みには onnx パッケージが必要です: pip install &apos;nnviz[onnx]&apos;</translation>
    </message>
    <message>
        <source>not an ONNX model (the protobuf does not parse)</source>
        <translation>ONNX モデルではありません (protobuf として読めません)</translation>
    </message>
    <message>
        <source>sparse initializers are not supported</source>
        <translation>疎な initializer には対応していません</translation>
    </message>
    <message>
        <source>initializer {name!r} keeps its data in another file; nnviz reads self-contained .onnx files only</source>
        <translation>initializer {name!r} のデータが別ファイルにあります。nnviz が読むのはそれだけで完結した .onnx ファイルだけです</translation>
    </message>
    <message>
        <source>initializer {name!r} has ONNX data type {type}; nnviz reads float, double and int64</source>
        <translation>initializer {name!r} の ONNX データ型は {type} です。nnviz が読めるのは float, double, int64 です</translation>
    </message>
    <message>
        <source>initializer {name!r} has shape {shape}: not a weight matrix or vector of at most {limit:,} rows and columns</source>
        <translation>initializer {name!r} の形は {shape} です: 行・列が {limit:,} 以下の重み行列またはベクトルではありません</translation>
    </message>
    <message>
        <source>initializer {name!r} claims shape {shape} ({size:,} bytes) but holds {stored:,} bytes</source>
        <translation>initializer {name!r} は形 {shape} ({size:,} バイト) とされていますが、データは {stored:,} バイトです</translation>
    </message>
    <message>
        <source>initializer {name!r} contains NaN or infinite values</source>
        <translation>initializer {name!r} に NaN または無限大が含まれています</translation>
    </message>
    <message>
        <source>{op} node {name!r}: {why}</source>
        <translation>{op} ノード {name!r}: {why}</translation>
    </message>
    <message>
        <source>the graph has {inputs} inputs and {outputs} outputs; an MLP has one of each</source>
        <translation>グラフの入力は {inputs} 個、出力は {outputs} 個です。MLP の入力と出力は 1 個ずつです</translation>
    </message>
    <message>
        <source>tensor {name!r} feeds {count} nodes; nnviz imports a chain of layers</source>
        <translation>テンソル {name!r} が {count} 個のノードに入っています。nnviz が読み込めるのは層の連なりだけです</translation>
    </message>
    <message>
        <source>Softmax must be the last layer&apos;s activation</source>
        <translation>Softmax は出力層の活性化関数にしか使えません</translation>
    </message>
    <message>
        <source>nnviz reads Flatten with axis = 1 only</source>
        <translation>nnviz が読めるのは axis = 1 の Flatten だけです</translation>
    </message>
    <message>
        <source>more than {count} layers</source>
        <translation>層が {count} より多くあります</translation>
    </message>
    <message>
        <source>it takes {count} inputs, but gets {width}</source>
        <translation>入力は {count} 個のはずですが、{width} 個が来ます</translation>
    </message>
    <message>
        <source>nnviz reads Softmax over the last axis only</source>
        <translation>nnviz が読めるのは最後の軸についての Softmax だけです</translation>
    </message>
    <message>
        <source>not supported; nnviz imports a chain of Gemm (or MatMul + Add) layers, each followed by Relu, Tanh, Sigmoid, Softplus, Atan, Elu, PRelu or LeakyRelu, and Softmax on the output</source>
        <translation>対応していません。nnviz が読み込めるのは Gemm (または MatMul + Add) の層の連なりで、各層の後に Relu, Tanh, Sigmoid, Softplus, Atan, Elu, PRelu, LeakyRelu のいずれか、出力層には Softmax も使えます</translation>
    </message>
    <message>
        <source>no Gemm or MatMul layer between the input and the output</source>
        <translation>入力と出力の間に Gemm や MatMul の層がありません</translation>
    </message>
    <message>
        <source>Elu nodes with different alphas {values}; nnviz has one ELU alpha</source>
        <translation>Elu ノードの α が {values} と異なります。nnviz の ELU の α は 1 つだけです</translation>
    </message>
    <message>
        <source>input {number} must be a stored weight (an initializer)</source>
        <translation>入力 {number} は保存された重み (initializer) でなければなりません</translation>
    </message>
    <message>
        <source>nnviz reads Gemm with alpha = beta = 1 and transA = 0 only</source>
        <translation>nnviz が読めるのは alpha = beta = 1、transA = 0 の Gemm だけです</translation>
    </message>
    <message>
        <source>the weight must be a matrix</source>
        <translation>重みは行列でなければなりません</translation>
    </message>
    <message>
        <source>the bias has shape {shape}, expected ({count},)</source>
        <translation>バイアスの形が {shape} です。({count},) のはずです</translation>
    </message>
    <message>
        <source>the slope has {size} values, expected 1 or {count}</source>
        <translation>傾きの値が {size} 個あります。1 個か {count} 個のはずです</translation>
    </message>
    <message>
        <source>optimiser state {name} has shape {shape}, expected ({count},)</source>
        <translation>最適化手法の状態 {name} の形が {shape} です（必要な形: ({count},)）</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>標準</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>モメンタム</translation>
    </message>
    <message>
        <source>nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <source>adagrad</source>
        <translation>AdaGrad</translation>
    </message>
    <message>
        <source>rmsprop</source>
        <translation>RMSProp</translation>
    </message>
    <message>
        <source>adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>momentum μ must be in [0, 1), got {mu}</source>
        <translation>モメンタム μ は [0, 1) の範囲で指定してください（指定: {mu}）</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>一定</translation>
    </message>
    <message>
        <source>step</source>
        <translation>階段</translation>
    </message>
    <message>
        <source>exponential</source>
        <translation>指数</translation>
    </message>
    <message>
        <source>unknown schedule {name!r}; choose one of {names}</source>
        <translation>学習率スケジュール {name!r} はありません。次から選んでください: {names}</translation>
    </message>
    <message>
        <source>L(x, y) = {text} has no value to draw on the plot: it is infinite, beyond ±{limit:g} or not a number at every point</source>
        <translation>L(x, y) = {text} にはプロット上に描ける値がありません。すべての点で無限大か ±{limit:g} を超えるか、数になりません</translation>
    </message>
    <message>
        <source>unknown surface {name!r}; choose one of {names}</source>
        <translation>曲面 {name!r} はありません。次から選んでください: {names}</translation>
    </message>
    <message>
        <source>the custom surface needs a formula in x and y</source>
        <translation>カスタム曲面には x と y の式が必要です</translation>
    </message>
    <message>
        <source>the gradient is not a finite number</source>
        <translation>勾配が有限の数ではありません</translation>
    </message>
    <message>
        <source>|w| exceeded {limit:g}</source>
        <translation>|w| が {limit:g} を超えました</translation>
    </message>
    <message>
        <source>the loss is not a finite number</source>
        <translation>誤差が有限の数ではありません</translation>
    </message>
    <message>
        <source>steps must be a whole number from 0 to {limit:,}, got {value}</source>
        <translation>ステップ数は 0 から {limit:,} までの整数にしてください（指定: {value}）</translation>
    </message>
    <message>
        <source>the learning rate ε must be a finite number ≥ 0, got {value}</source>
        <translation>学習率 ε は 0 以上の有限の数にしてください（指定: {value}）</translation>
    </message>
    <message>
        <source>the gradient noise must be a number from 0 to {limit:g}, got {value}</source>
        <translation>勾配のノイズは 0 から {limit:g} までの数にしてください（指定: {value}）</translation>
    </message>
    <message>
        <source>the start must be two numbers x, y of size at most {limit:g}, got {value}</source>
        <translation>開始点は大きさ {limit:g} 以下の 2 つの数 x, y にしてください（指定: {value}）</translation>
    </message>
    <message>
        <source>not an nnviz trace (format/version)</source>
        <translation>nnviz のトレースではありません（形式/版）</translation>
    </message>
    <message>
        <source>not an nnviz trace: {reason}</source>
        <translation>nnviz のトレースではありません: {reason}</translation>
    </message>
    <message>
        <source>not an nnviz trace: unknown phase kind</source>
        <translation>nnviz のトレースではありません: 段階の種類が不明です</translation>
    </message>
    <message>
        <source>{file}: extras may not override {names}</source>
        <translation>{file}: 追加情報で {names} を上書きすることはできません</translation>
    </message>
    <message>
        <source>{file}: cannot save, {key} contains NaN or infinite values</source>
        <translation>{file}: 保存できません。{key} に NaN または無限大が含まれています</translation>
    </message>
    <message>
        <source>{file}: the extras are not plain JSON ({reason})</source>
        <translation>{file}: 追加情報が素の JSON ではありません（{reason}）</translation>
    </message>
    <message>
        <source>{file}: the JSON text would have {size:,} bytes, more than the {limit:,} nnviz reads; save as .npz</source>
        <translation>{file}: JSON テキストが {size:,} バイトになり、nnviz が読める {limit:,} バイトを超えます。.npz で保存してください</translation>
    </message>
    <message>
        <source>{file}: cannot save ({type}: {reason})</source>
        <translation>{file}: 保存できません（{type}: {reason}）</translation>
    </message>
    <message>
        <source>the file has {size:,} bytes, more than the limit of {limit:,}</source>
        <translation>ファイルが {size:,} バイトあり、上限の {limit:,} バイトを超えています</translation>
    </message>
    <message>
        <source>{file}: not a readable weights file ({type}: {reason})</source>
        <translation>{file}: 読み込める重みファイルではありません（{type}: {reason}）</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>層</translation>
    </message>
    <message>
        <source>hidden activations</source>
        <translation>中間層の活性化関数</translation>
    </message>
    <message>
        <source>output activation</source>
        <translation>出力層の活性化関数</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>誤差</translation>
    </message>
    <message>
        <source>ELU alpha</source>
        <translation>ELU の α</translation>
    </message>
    <message>
        <source>the file has {what} {theirs}, the current network {mine}</source>
        <translation>ファイルの{what}は {theirs}、現在のネットワークは {mine} です</translation>
    </message>
    <message>
        <source>{first}; {then}</source>
        <translation>{first}。{then}</translation>
    </message>
    <message>
        <source>the arrays {keys} do not match the network&apos;s {expected}</source>
        <translation>配列 {keys} がネットワークの {expected} と一致しません</translation>
    </message>
    <message>
        <source>{key} has shape {shape}, expected {expected}</source>
        <translation>{key} の形が {shape} です（必要な形: {expected}）</translation>
    </message>
    <message>
        <source>{file}: a weights file needs the suffix .npz, .json or .onnx</source>
        <translation>{file}: 重みファイルの拡張子は .npz, .json, .onnx のいずれかにしてください</translation>
    </message>
    <message>
        <source>{file}: unknown weights format {suffix!r}; use .npz, .json or .onnx</source>
        <translation>{file}: 重みファイルの形式 {suffix!r} は不明です。.npz, .json, .onnx を使ってください</translation>
    </message>
    <message>
        <source>not an .npz file (no zip archive, or a truncated one)</source>
        <translation>.npz ファイルではありません（zip アーカイブでないか、途中で切れています）</translation>
    </message>
    <message>
        <source>unpacks to {size:,} bytes, more than the limit of {limit:,}</source>
        <translation>展開すると {size:,} バイトになり、上限の {limit:,} バイトを超えます</translation>
    </message>
    <message>
        <source>unexpected entry {name!r} (not a NumPy array)</source>
        <translation>想定外の項目 {name!r} があります（NumPy 配列ではありません）</translation>
    </message>
    <message>
        <source>no &apos;meta&apos; entry: not an nnviz weights file</source>
        <translation>&apos;meta&apos; の項目がありません: nnviz の重みファイルではありません</translation>
    </message>
    <message>
        <source>meta must be a 0-d string array, got shape {shape}, dtype {dtype}</source>
        <translation>meta は 0 次元の文字列配列が必要です（形: {shape}、dtype: {dtype}）</translation>
    </message>
    <message>
        <source>meta has {count:,} characters, more than the limit of {limit:,}</source>
        <translation>meta が {count:,} 文字あり、上限の {limit:,} 文字を超えています</translation>
    </message>
    <message>
        <source>the top level must be a JSON object, got {type}</source>
        <translation>最上位は JSON オブジェクトが必要です（型: {type}）</translation>
    </message>
    <message>
        <source>{key} has shape {shape}, expected {expected} for layers {sizes}</source>
        <translation>{key} の形が {shape} です（層 {sizes} には {expected} が必要）</translation>
    </message>
    <message>
        <source>{key} is not a rectangular array of numbers</source>
        <translation>{key} が数値の長方形の配列になっていません</translation>
    </message>
    <message>
        <source>meta is not valid JSON ({reason})</source>
        <translation>meta が正しい JSON ではありません（{reason}）</translation>
    </message>
    <message>
        <source>the file is not valid JSON ({reason})</source>
        <translation>ファイルが正しい JSON ではありません（{reason}）</translation>
    </message>
    <message>
        <source>meta must be a JSON object, got {type}</source>
        <translation>meta は JSON オブジェクトが必要です（型: {type}）</translation>
    </message>
    <message>
        <source>meta lacks {names}</source>
        <translation>meta に {names} がありません</translation>
    </message>
    <message>
        <source>meta format is {format!r}, expected {expected!r}</source>
        <translation>meta の形式が {format!r} です（必要な形式: {expected!r}）</translation>
    </message>
    <message>
        <source>format version {version!r} is not supported (this nnviz reads version {mine}; a newer nnviz may have written the file)</source>
        <translation>形式の版 {version!r} には対応していません（この nnviz が読めるのは版 {mine} です。新しい nnviz で書かれたファイルかもしれません）</translation>
    </message>
    <message>
        <source>sizes must be a list of whole numbers, got {value}</source>
        <translation>sizes は整数のリストが必要です（指定: {value}）</translation>
    </message>
    <message>
        <source>sizes: {reason}</source>
        <translation>sizes: {reason}</translation>
    </message>
    <message>
        <source>activations must list {count} of {names}; got {value}</source>
        <translation>activations には {names} のいずれかを {count} 個並べる必要があります（指定: {value}）</translation>
    </message>
    <message>
        <source>{key} {value!r} is not one of {names}</source>
        <translation>{key} の {value!r} は {names} のいずれでもありません</translation>
    </message>
    <message>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <source>elu_alpha must be a finite number, got {value!r}</source>
        <translation>elu_alpha は有限の数が必要です（指定: {value!r}）</translation>
    </message>
    <message>
        <source>{key} must be a JSON object, got {value}</source>
        <translation>{key} は JSON オブジェクトが必要です（指定: {value}）</translation>
    </message>
    <message>
        <source>{key} must be a JSON list, got {value}</source>
        <translation>{key} は JSON のリストが必要です（指定: {value}）</translation>
    </message>
    <message>
        <source>{key} must be a JSON string, got {value}</source>
        <translation>{key} は JSON の文字列が必要です（指定: {value}）</translation>
    </message>
    <message>
        <source>{key} must list names (strings), got {value}</source>
        <translation>{key} には名前（文字列）を並べる必要があります（指定: {value}）</translation>
    </message>
    <message>
        <source>preprocess has {count} means, the network {inputs} inputs</source>
        <translation>preprocess の平均は {count} 個ですが、ネットワークの入力は {inputs} 個です</translation>
    </message>
    <message>
        <source>{key} is missing</source>
        <translation>{key} がありません</translation>
    </message>
    <message>
        <source>unexpected entry {name!r}</source>
        <translation>想定外の項目 {name!r} があります</translation>
    </message>
    <message>
        <source>an entry appears twice</source>
        <translation>同じ項目が 2 回あります</translation>
    </message>
    <message>
        <source>{key} has dtype {dtype}, expected real numbers (float64)</source>
        <translation>{key} の dtype が {dtype} です（必要なのは実数 (float64)）</translation>
    </message>
    <message>
        <source>{key} contains NaN or infinite values</source>
        <translation>{key} に NaN または無限大が含まれています</translation>
    </message>
    <message>
        <source>a comparison has 1 to {limit} runs, got {count}</source>
        <translation>比較できるのは 1 〜 {limit} 個の実行です（指定: {count}）</translation>
    </message>
    <message>
        <source>the runs of a comparison train on the same data; they differ in {name}</source>
        <translation>比較する実行はすべて同じデータで学習します。{name} が異なっています</translation>
    </message>
    <message>
        <source>the principal directions need a training trajectory: train a while first</source>
        <translation>主成分の方向には学習の軌跡が必要です: まずしばらく学習させてください</translation>
    </message>
    <message>
        <source>a slice needs 2 to {limit:,} grid points per side and a finite half width &gt; 0, got {grid} and {span}</source>
        <translation>断面には一辺 2 から {limit:,} 個の格子点と、0 より大きい有限の半幅が必要です（指定: {grid} と {span}）</translation>
    </message>
    <message>
        <source>restarts cancelled after {done} of {total} runs</source>
        <translation>初期値を変えた学習を中止しました（{total} 回中 {done} 回）</translation>
    </message>
    <message>
        <source>a history holds an even number of rows from 4 to {limit}, not {value}</source>
        <translation>履歴の行数は 4 から {limit} までの偶数です（{value} ではありません）</translation>
    </message>
    <message>
        <source>the loss history&apos;s description is not an object</source>
        <translation>誤差の履歴の記述がオブジェクトではありません</translation>
    </message>
    <message>
        <source>the loss history is not consistent (shape {shape})</source>
        <translation>誤差の履歴が整合していません（形状 {shape}）</translation>
    </message>
    <message>
        <source>{where} needs exactly the languages ja and en</source>
        <translation>{where} には ja と en の両方の言語がちょうど必要です</translation>
    </message>
    <message>
        <source>{where} ({lang}) must be text of 1 to {limit} characters</source>
        <translation>{where}（{lang}）は 1〜{limit} 文字のテキストでなければなりません</translation>
    </message>
    <message>
        <source>{where}: a check must be an object</source>
        <translation>{where}：check はオブジェクトでなければなりません</translation>
    </message>
    <message>
        <source>{where}: a check needs exactly one of {kinds}</source>
        <translation>{where}：check には {kinds} のうちちょうど一つが必要です</translation>
    </message>
    <message>
        <source>{where}: unknown key {key!r} in a {kind} check</source>
        <translation>{where}：{kind} の check に未知のキー {key!r} があります</translation>
    </message>
    <message>
        <source>{where}: &quot;all&quot; needs a list of 1 to {n} checks, nested at most {depth} deep</source>
        <translation>{where}：&quot;all&quot; には 1〜{n} 個の check のリストが必要で、入れ子は {depth} 段までです</translation>
    </message>
    <message>
        <source>{where}: {kind} must be one of {names}</source>
        <translation>{where}：{kind} は {names} のいずれかでなければなりません</translation>
    </message>
    <message>
        <source>{where}: by_step must be a whole number ≥ 0, for a metric of the loss curve</source>
        <translation>{where}：by_step は 0 以上の整数で、誤差の曲線にある指標にだけ使えます</translation>
    </message>
    <message>
        <source>{where}: a {kind} check needs one of {names}</source>
        <translation>{where}：{kind} の check には {names} のいずれかが必要です</translation>
    </message>
    <message>
        <source>{where}: {key} has a value of the wrong type</source>
        <translation>{where}：{key} の値の型が違います</translation>
    </message>
    <message>
        <source>{where}: loss_rises_share needs at_least or at_most, a share from 0 to 1</source>
        <translation>{where}：loss_rises_share には at_least または at_most（0〜1 の割合）が必要です</translation>
    </message>
    <message>
        <source>{where}: over must be a whole number 2..1000</source>
        <translation>{where}：over は 2〜1000 の整数でなければなりません</translation>
    </message>
    <message>
        <source>{where}: {key} must be a whole number 1..100</source>
        <translation>{where}：{key} は 1〜100 の整数でなければなりません</translation>
    </message>
    <message>
        <source>{where}: trace_value needs layer and unit (and from, for dW only)</source>
        <translation>{where}：trace_value には layer と unit（dW のときだけ from も）が必要です</translation>
    </message>
    <message>
        <source>the file must hold one JSON object</source>
        <translation>ファイルには JSON オブジェクトが一つ必要です</translation>
    </message>
    <message>
        <source>not an nnviz lesson: it needs &quot;format&quot;: &quot;{format}&quot; and &quot;version&quot;: {version}</source>
        <translation>nnviz の授業ではありません：&quot;format&quot;: &quot;{format}&quot; と &quot;version&quot;: {version} が必要です</translation>
    </message>
    <message>
        <source>unknown key {key!r}</source>
        <translation>未知のキー {key!r}</translation>
    </message>
    <message>
        <source>unknown scene {name!r}; choose one of {names}</source>
        <translation>未知の場面 {name!r}：{names} から選んでください</translation>
    </message>
    <message>
        <source>tasks must be a list of 1 to {n} tasks</source>
        <translation>tasks は 1〜{n} 個の課題のリストでなければなりません</translation>
    </message>
    <message>
        <source>task {k}</source>
        <translation>課題 {k}</translation>
    </message>
    <message>
        <source>{where} must be an object of id, text and check</source>
        <translation>{where} は id、text、check からなるオブジェクトでなければなりません</translation>
    </message>
    <message>
        <source>{where}: id must be unique, 1 to 40 of a-z 0-9 _ -</source>
        <translation>{where}：id は重複せず、a-z 0-9 _ - の 1〜40 文字でなければなりません</translation>
    </message>
    <message>
        <source>larger than {n} bytes</source>
        <translation>{n} バイトを超えています</translation>
    </message>
    <message>
        <source>not valid JSON ({reason})</source>
        <translation>正しい JSON ではありません（{reason}）</translation>
    </message>
    <message>
        <source>lesson file {file}: {problem}</source>
        <translation>授業ファイル {file}：{problem}</translation>
    </message>
    <message>
        <source>unknown preset {name!r}; choose one of {names}</source>
        <translation>プリセット {name!r} はありません。次から選んでください: {names}</translation>
    </message>
    <message>
        <source>a JSON object</source>
        <translation>JSON オブジェクト</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>文字列</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a list of strings</source>
        <translation>文字列のリスト</translation>
    </message>
    <message>
        <source>{file}: larger than {limit} MB</source>
        <translation>{file}: {limit} MB を超えています</translation>
    </message>
    <message>
        <source>{file}: not a readable nnviz session ({type}: {reason})</source>
        <translation>{file}: 読み込める nnviz のセッションではありません（{type}: {reason}）</translation>
    </message>
    <message>
        <source>no {member} inside: not an nnviz session file</source>
        <translation>{member} が含まれていません: nnviz のセッションファイルではありません</translation>
    </message>
    <message>
        <source>arrays.npz: unexpected entry {name!r} (not a NumPy array)</source>
        <translation>arrays.npz: 想定外の項目 {name!r}（NumPy 配列ではありません）</translation>
    </message>
    <message>
        <source>{file}: session.json lacks {key}</source>
        <translation>{file}: session.json に {key} がありません</translation>
    </message>
    <message>
        <source>{file}: {key} in session.json must be {kind}, got {value}</source>
        <translation>{file}: session.json の {key} は{kind}が必要です（指定: {value}）</translation>
    </message>
    <message>
        <source>{file}: not an nnviz session file</source>
        <translation>{file}: nnviz のセッションファイルではありません</translation>
    </message>
    <message>
        <source>{file}: session version {version!r} is not supported (expected {expected})</source>
        <translation>{file}: セッションの版 {version!r} には対応していません（必要な版: {expected}）</translation>
    </message>
    <message>
        <source>{file}: {key} has dtype {dtype}, expected numbers</source>
        <translation>{file}: {key} の dtype が {dtype} です（必要なのは数値）</translation>
    </message>
    <message>
        <source>{file}: {key} has shape {shape}, expected ({count},) finite values</source>
        <translation>{file}: {key} の形が {shape} です（必要なのは有限の値の ({count},)）</translation>
    </message>
    <message>
        <source>{file}: the batch order is not a permutation of the {count} training samples</source>
        <translation>{file}: バッチの順序が訓練データ {count} 件の並べ替えになっていません</translation>
    </message>
    <message>
        <source>{file}: batch position {position} out of range</source>
        <translation>{file}: バッチの位置 {position} が範囲外です</translation>
    </message>
    <message>
        <source>data set {name!r} is a {task} problem, not {wanted}</source>
        <translation>データセット {name!r} は {wanted} ではなく {task} の問題です</translation>
    </message>
    <message>
        <source>the network has layers {sizes}, the data need {needed}</source>
        <translation>ネットワークの層は {sizes} ですが、データには {needed} が必要です</translation>
    </message>
    <message>
        <source>{name} must be a finite number ≥ 0, got {value}</source>
        <translation>{name} は 0 以上の有限の数で指定してください（指定: {value}）</translation>
    </message>
    <message>
        <source>ELU&apos;s α must be a number from 0 to 100, got {value}</source>
        <translation>ELU の α は 0 から 100 までの数にしてください（指定: {value}）</translation>
    </message>
    <message>
        <source>the schedule&apos;s factor γ must be in (0, 1], got {value}</source>
        <translation>スケジュールの係数 γ は (0, 1] の範囲にしてください（指定: {value}）</translation>
    </message>
    <message>
        <source>the schedule&apos;s epochs per decay must be a whole number ≥ 1, got {value}</source>
        <translation>スケジュールの減衰ごとのエポック数は 1 以上の整数にしてください（指定: {value}）</translation>
    </message>
    <message>
        <source>the loss became {loss} at step {step}: the learning rate ε = {eps:g} is too large; weights restored to step {last}</source>
        <translation>ステップ {step} で誤差が {loss} になりました: 学習率 ε = {eps:g} が大きすぎます。重みをステップ {last} の値に戻しました</translation>
    </message>
</context>
<context>
    <name>ActivationGallery</name>
    <message>
        <source>Used by the current network</source>
        <translation>現在のネットワークで使用中</translation>
    </message>
    <message>
        <source>function</source>
        <translation>関数</translation>
    </message>
    <message>
        <source>derivative</source>
        <translation>導関数</translation>
    </message>
</context>
<context>
    <name>ArchitectureEditor</name>
    <message>
        <source>+ add layer</source>
        <translation>+ 層を追加</translation>
    </message>
    <message>
        <source>a new hidden layer just before the output layer L</source>
        <translation>出力層 L の直前に隠れ層を追加</translation>
    </message>
    <message>
        <source>layer {}</source>
        <translation>第 {} 層</translation>
    </message>
    <message>
        <source>layer 1 · input x · 1 unit</source>
        <translation>第 1 層 · 入力 x · 1 ユニット</translation>
    </message>
    <message>
        <source>layer 1 · input x · {} units</source>
        <translation>第 1 層 · 入力 x · {} ユニット</translation>
    </message>
    <message>
        <source>layer {} = L · output y · 1 unit</source>
        <translation>第 {} 層 = L · 出力 y · 1 ユニット</translation>
    </message>
    <message>
        <source>layer {} = L · output y · {} units</source>
        <translation>第 {} 層 = L · 出力 y · {} ユニット</translation>
    </message>
</context>
<context>
    <name>ArenaView</name>
    <message>
        <source>Momentum on the ravine: rate of convergence per step over (ε, μ). Darker is faster; red: rate ≥ 1 diverges. ○ = current (ε, μ).</source>
        <translation>谷でのモメンタム: (ε, μ) ごとの 1 ステップあたりの収束率。濃いほど速い。赤: 収束率 ≥ 1 で発散。○ = 現在の (ε, μ)。</translation>
    </message>
    <message>
        <source>L(x, y) is infinite or beyond ±{0:g} in part of the plot: drawn there in the top colour.</source>
        <translation>L(x, y) はプロットの一部で無限大か ±{0:g} を超えています。その部分は最も上の色で描いています。</translation>
    </message>
    <message>
        <source>★ minimum ✕ saddle ○ start — click to move the start.</source>
        <translation>★ 極小点 ✕ 鞍点 ○ 開始点 — クリックで開始点を移動。</translation>
    </message>
    <message>
        <source>left the plotted region at step {0}</source>
        <translation>ステップ {0} で描画範囲の外へ</translation>
    </message>
    <message>
        <source>diverged at step {0}</source>
        <translation>ステップ {0} で発散</translation>
    </message>
    <message>
        <source>Ravine (SGD vs Momentum SGD)</source>
        <translation>谷 (SGD vs モメンタム SGD)</translation>
    </message>
    <message>
        <source>Saddle x² − y²</source>
        <translation>鞍点 x² − y²</translation>
    </message>
    <message>
        <source>Monkey saddle</source>
        <translation>モンキーサドル</translation>
    </message>
    <message>
        <source>Rosenbrock</source>
        <translation>Rosenbrock 関数</translation>
    </message>
    <message>
        <source>Himmelblau (four minima)</source>
        <translation>Himmelblau 関数 (極小点 4 つ)</translation>
    </message>
    <message>
        <source>Beale</source>
        <translation>Beale 関数</translation>
    </message>
    <message>
        <source>Six-hump camel</source>
        <translation>6 こぶラクダ関数</translation>
    </message>
    <message>
        <source>Custom formula…</source>
        <translation>自分で式を入力…</translation>
    </message>
    <message>
        <source>The loss L(x, y) the optimisers descend; w = (x, y) plays the weights</source>
        <translation>最適化法が降りていく誤差 L(x, y)。w = (x, y) が重みの役をする</translation>
    </message>
    <message>
        <source>L in x and y: + − * / ** ( ), numbers, pi, e, sin cos tan exp log sqrt abs tanh …; press Enter to apply</source>
        <translation>x と y で書いた L: + − * / ** ( )、数値、pi、e、sin cos tan exp log sqrt abs tanh …。Enter で適用</translation>
    </message>
    <message>
        <source>GD lingers at the saddle</source>
        <translation>GD は鞍点で停滞する</translation>
    </message>
    <message>
        <source>Saddle x² − y², start just off y = 0: GD runs into the saddle point and lingers (∇L ≈ 0) before it leaves; the noise of SGD pushes it off sooner (lecture §5)</source>
        <translation>鞍点 x² − y²、y = 0 からわずかにずれた開始点: 勾配降下法 (GD) は鞍点に近づき (∇L ≈ 0) しばらく停滞してから離れる。確率的勾配降下法 (SGD) はノイズでより早く抜け出す (講義 §5)</translation>
    </message>
    <message>
        <source>Surface</source>
        <translation>曲面</translation>
    </message>
    <message>
        <source>Optimisers</source>
        <translation>最適化法</translation>
    </message>
    <message>
        <source>w ← w − ε∇L on the exact gradient (full-batch gradient descent)</source>
        <translation>正確な勾配で w ← w − ε∇L (全データを使う勾配降下法)</translation>
    </message>
    <message>
        <source>w ← w − ε(∇L + noise): the noisy gradient of one sample</source>
        <translation>w ← w − ε(∇L + ノイズ): 1 サンプルのノイズを含む勾配 (確率的勾配降下法)</translation>
    </message>
    <message>
        <source>w ← w − ε∇L + μv, v = w − w_prev: inertia damps the zig-zag (§6)</source>
        <translation>w ← w − ε∇L + μv, v = w − w_prev: 慣性がジグザグを抑える (§6)</translation>
    </message>
    <message>
        <source>Momentum with the gradient taken at the look-ahead point w + μv</source>
        <translation>先読みした点 w + μv で勾配を求めるモメンタム</translation>
    </message>
    <message>
        <source>AdaGrad: each coordinate&apos;s step divided by √(sum of its squared gradients)</source>
        <translation>AdaGrad: 各座標の更新幅を、その座標の勾配の二乗和の平方根で割る</translation>
    </message>
    <message>
        <source>RMSProp: each coordinate&apos;s step divided by its running gradient size</source>
        <translation>RMSProp: 各座標の更新幅を、その座標の勾配の大きさの移動平均で割る</translation>
    </message>
    <message>
        <source>Adam: each coordinate&apos;s step scaled by its running gradient size</source>
        <translation>Adam: 各座標の更新幅を、その座標の勾配の大きさの移動平均で調整</translation>
    </message>
    <message>
        <source>GD</source>
        <translation>GD</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>Momentum SGD</source>
        <translation>モメンタム SGD</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <source>AdaGrad</source>
        <translation>AdaGrad</translation>
    </message>
    <message>
        <source>RMSProp</source>
        <translation>RMSProp</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>= ε</source>
        <translation>= ε</translation>
    </message>
    <message>
        <source>This optimiser&apos;s own learning rate; “= ε”: the common ε below</source>
        <translation>この最適化法だけの学習率。「= ε」: 下の共通の学習率 ε を使う</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Learning rate ε: too small converges slowly, too large oscillates and overshoots (§5)</source>
        <translation>学習率 ε: 小さすぎると収束に時間がかかり、大きすぎると振動して通り過ぎる (§5)</translation>
    </message>
    <message>
        <source>Momentum μ: how much of the last update v = w − w_prev carries on (§6)</source>
        <translation>モメンタム μ: 前回の更新 v = w − w_prev をどれだけ引き継ぐか (§6)</translation>
    </message>
    <message>
        <source>Standard deviation of the noise added to ∇L for every optimiser but GD</source>
        <translation>GD 以外の最適化法で ∇L に加えるノイズの標準偏差</translation>
    </message>
    <message>
        <source>Number of updates t</source>
        <translation>更新回数 t</translation>
    </message>
    <message>
        <source>Seed of the gradient noise (all optimisers see the same noise)</source>
        <translation>勾配ノイズのシード (どの最適化法にも同じノイズ)</translation>
    </message>
    <message>
        <source>Animation speed: updates shown per second</source>
        <translation>アニメーションの速さ: 1 秒あたりに表示する更新回数</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>μ</source>
        <translation>μ</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>ノイズ</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>ステップ数</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>speed</source>
        <translation>速さ</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>リプレイ</translation>
    </message>
    <message>
        <source>Click to start every optimiser from that point</source>
        <translation>クリックした点からすべての最適化法を開始</translation>
    </message>
    <message>
        <source>iteration t</source>
        <translation>反復 t</translation>
    </message>
    <message>
        <source>loss L</source>
        <translation>誤差 L</translation>
    </message>
    <message>
        <source>optimiser</source>
        <translation>最適化法</translation>
    </message>
    <message>
        <source>t</source>
        <translation>t</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>‖∇L‖</source>
        <translation>‖∇L‖</translation>
    </message>
    <message>
        <source>λ₁</source>
        <translation>λ₁</translation>
    </message>
    <message>
        <source>λ₂</source>
        <translation>λ₂</translation>
    </message>
    <message>
        <source>here</source>
        <translation>この点</translation>
    </message>
    <message>
        <source>At each moving point: the gradient size ‖∇L‖ and the eigenvalues λ of the Hessian ∇²L. A negative λ is a direction that still goes down: where ∇L = 0 and some λ &lt; 0 the point is a saddle.</source>
        <translation>動いている各点での勾配の大きさ ‖∇L‖ とヘッセ行列 ∇²L の固有値 λ。負の λ はまだ下れる方向: ∇L = 0 でいずれかの λ &lt; 0 なら、その点は鞍点。</translation>
    </message>
    <message>
        <source>SGD zig-zags across the ravine, momentum SGD runs along it and gets further (lecture §6).</source>
        <translation>確率的勾配降下法 (SGD) は谷を横切ってジグザグに進み、モメンタム SGD は谷に沿って進んでより遠くまで行く (講義 §6)。</translation>
    </message>
    <message>
        <source>GD lingers near the saddle point for many steps before it leaves; the noise of SGD pushes it off sooner (§5).</source>
        <translation>勾配降下法 (GD) は鞍点の近くで多くのステップ停滞してから離れる。確率的勾配降下法 (SGD) はノイズでより早く抜け出す (§5)。</translation>
    </message>
    <message>
        <source>The ravine of the slide “SGD vs Momentum SGD”. ε &gt; 2/20 = 0.1 diverges.</source>
        <translation>スライド「SGD vs Momentum SGD」の谷。学習率 ε &gt; 2/20 = 0.1 で発散する。</translation>
    </message>
    <message>
        <source>Started just off y = 0, the axis that runs into the saddle point.</source>
        <translation>鞍点に向かう軸 y = 0 からわずかにずれた点から開始。</translation>
    </message>
    <message>
        <source>A degenerate saddle: the Hessian is zero at the origin.</source>
        <translation>退化した鞍点: 原点でヘッセ行列がゼロになる。</translation>
    </message>
    <message>
        <source>A curved, flat-bottomed valley: easy to enter, slow to follow to the minimum (1, 1).</source>
        <translation>曲がった平らな谷底: 入るのは易しいが、極小点 (1, 1) までたどるのは遅い。</translation>
    </message>
    <message>
        <source>Four minima: which one is found depends on the start (§5). Click to move the start.</source>
        <translation>極小点が 4 つ: どれに行き着くかは開始点による (§5)。クリックで開始点を移動。</translation>
    </message>
    <message>
        <source>Steep walls and a flat floor: a large ε overshoots, a small one crawls.</source>
        <translation>急な壁と平らな底: 大きな ε は通り過ぎ、小さな ε はなかなか進まない。</translation>
    </message>
    <message>
        <source>Six minima, two of them global, and saddles between them.</source>
        <translation>極小点が 6 つ (うち 2 つが大域解)、その間に鞍点。</translation>
    </message>
    <message>
        <source>Your formula L(x, y), with exact derivatives.</source>
        <translation>入力した式 L(x, y)。導関数は厳密に計算。</translation>
    </message>
    <message>
        <source>at a minimum</source>
        <translation>極小点</translation>
    </message>
    <message>
        <source>at a saddle point</source>
        <translation>鞍点</translation>
    </message>
    <message>
        <source>at a maximum</source>
        <translation>極大点</translation>
    </message>
    <message>
        <source>at a flat critical point</source>
        <translation>平坦な停留点</translation>
    </message>
    <message>
        <source>curves up both ways</source>
        <translation>両方向に上がる</translation>
    </message>
    <message>
        <source>saddle-shaped</source>
        <translation>鞍の形</translation>
    </message>
    <message>
        <source>curves down</source>
        <translation>両方向に下がる</translation>
    </message>
    <message>
        <source>flat in one direction</source>
        <translation>一方向に平坦</translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <source>softmax</source>
        <translation>ソフトマックス関数</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>train continuously; click again to pause</source>
        <translation>連続して学習。もう一度クリックで一時停止</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>1 ステップ</translation>
    </message>
    <message>
        <source>one update w^(t+1) = w^t − ε∇L on the next minibatch</source>
        <translation>次のミニバッチで 1 回更新 w^(t+1) = w^t − ε∇L</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <source>back to the initial weights w⁰ and epoch 0</source>
        <translation>重みの初期値 w⁰ とエポック 0 に戻す</translation>
    </message>
    <message>
        <source>training steps per second, 1 to max (logarithmic); up to 30 a second every step is drawn</source>
        <translation>1 秒あたりの学習ステップ数。1 から最大まで (対数目盛)。毎秒 30 以下なら 1 ステップごとに描画</translation>
    </message>
    <message>
        <source>speed</source>
        <translation>速さ</translation>
    </message>
    <message>
        <source>stop at epoch</source>
        <translation>停止エポック</translation>
    </message>
    <message>
        <source>stop at L ≤</source>
        <translation>停止 L ≤</translation>
    </message>
    <message>
        <source>pause after this many epochs</source>
        <translation>このエポック数に達したら一時停止</translation>
    </message>
    <message>
        <source>pause once the training loss L is this low</source>
        <translation>学習データの誤差 L がこの値以下になったら一時停止</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
    <message>
        <source>show this run in the network, output and hidden views; the settings below are its own</source>
        <translation>この実行をネットワーク・出力・隠れ層の表示に表示。下の設定はこの実行のもの</translation>
    </message>
    <message>
        <source>Add variant</source>
        <translation>比較対象を追加</translation>
    </message>
    <message>
        <source>another run with the selected run&apos;s settings, from the same initial weights on the same data (up to 4); change its settings, then every run starts again in lockstep</source>
        <translation>選択中の実行と同じ設定の実行を追加 (最大 4 つ)。同じ重みの初期値・同じデータから学習する。設定を変えると、すべての実行が揃ってやり直す</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>remove the selected run</source>
        <translation>選択中の実行を削除</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>データ</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>N, the number of samples (training and test together)</source>
        <translation>N: サンプル数 (学習用とテスト用の合計)</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>ノイズ</translation>
    </message>
    <message>
        <source>noise on the inputs (classes) or on the teacher signal d (regression)</source>
        <translation>入力 (クラス識別) または教師信号 d (回帰) に加えるノイズ</translation>
    </message>
    <message>
        <source>share of the samples held out as test data, never trained on</source>
        <translation>テストデータとして取り分けるサンプルの割合 (学習には使わない)</translation>
    </message>
    <message>
        <source>test</source>
        <translation>テスト</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>K, the number of classes (blobs and spiral_k)</source>
        <translation>K: クラス数 (blobs と spiral_k)</translation>
    </message>
    <message>
        <source>regenerate: new data from the next data seed</source>
        <translation>再生成: 次のデータシードで新しいデータを作る</translation>
    </message>
    <message>
        <source>data seed</source>
        <translation>データシード</translation>
    </message>
    <message>
        <source>seed of the points, the noise and the train/test split</source>
        <translation>点、ノイズ、学習/テスト分割のシード</translation>
    </message>
    <message>
        <source>input features φ(x); none: x₁, x₂</source>
        <translation>入力の特徴 φ(x)。なし: x₁, x₂</translation>
    </message>
    <message>
        <source>a hand-made feature φ(x) as network input (2-D data only); hidden layers learn such features themselves</source>
        <translation>手作りの特徴 φ(x) をネットワークの入力にする (2 次元データのみ)。隠れ層はこうした特徴を自ら学習する</translation>
    </message>
    <message>
        <source>standardize inputs: (x − mean) / std</source>
        <translation>入力を標準化: (x − 平均) / 標準偏差</translation>
    </message>
    <message>
        <source>centre and scale each input on the training data</source>
        <translation>各入力を学習データで中心化・スケーリングする</translation>
    </message>
    <message>
        <source>Task: output layer and loss</source>
        <translation>問題: 出力層と誤差関数</translation>
    </message>
    <message>
        <source>the data set decides the problem; each task picks its matched output activation and loss, so that δ^(L) = z − d</source>
        <translation>データセットが問題を決める。各問題は対応する出力層の活性化関数と誤差関数の組を選ぶので δ^(L) = z − d</translation>
    </message>
    <message>
        <source>choose output f and loss L_n myself</source>
        <translation>出力 f と誤差関数 L_n を自分で選ぶ</translation>
    </message>
    <message>
        <source>any other pair uses the general chain rule δ^(L) = f&apos;(u^(L)) ⊙ ∂L/∂z</source>
        <translation>それ以外の組では一般の連鎖律 δ^(L) = f&apos;(u^(L)) ⊙ ∂L/∂z を使う</translation>
    </message>
    <message>
        <source>output activation: y = z^(L) = f(u^(L))</source>
        <translation>出力層の活性化関数: y = z^(L) = f(u^(L))</translation>
    </message>
    <message>
        <source>loss L_n of one sample</source>
        <translation>1 サンプルの誤差 L_n</translation>
    </message>
    <message>
        <source>task</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>output f</source>
        <translation>出力 f</translation>
    </message>
    <message>
        <source>loss L_n</source>
        <translation>誤差関数 L_n</translation>
    </message>
    <message>
        <source>Network: hidden layers</source>
        <translation>ネットワーク: 隠れ層</translation>
    </message>
    <message>
        <source>Initial weights w⁰</source>
        <translation>重みの初期値 w⁰</translation>
    </message>
    <message>
        <source>how w⁰ is drawn (biases start at 0); which local minimum training finds depends on w⁰</source>
        <translation>w⁰ の決め方 (バイアスは 0 から)。学習がどの局所解に至るかは w⁰ に依存する</translation>
    </message>
    <message>
        <source>α of ELU: α(e^x − 1) for x &lt; 0</source>
        <translation>ELU の α: x &lt; 0 で α(e^x − 1)</translation>
    </message>
    <message>
        <source>scheme</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>ELU α</source>
        <translation>ELU α</translation>
    </message>
    <message>
        <source>New weights</source>
        <translation>新しい重み</translation>
    </message>
    <message>
        <source>draw another w⁰ (next seed)</source>
        <translation>別の w⁰ を引く (次のシード)</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>seed of w⁰: the same seed gives the same start</source>
        <translation>w⁰ のシード: 同じシードなら同じ初期値</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>学習</translation>
    </message>
    <message>
        <source>B = N: gradient descent; B = 1: SGD; otherwise minibatch. One epoch uses every sample once</source>
        <translation>B = N: 勾配降下法、B = 1: 確率的勾配降下法 (SGD)、それ以外: ミニバッチ勾配降下法。1 エポックで全サンプルを 1 回ずつ使う</translation>
    </message>
    <message>
        <source>GD (B = N)</source>
        <translation>GD (B = N)</translation>
    </message>
    <message>
        <source>SGD (B = 1)</source>
        <translation>SGD (B = 1)</translation>
    </message>
    <message>
        <source>minibatch</source>
        <translation>ミニバッチ</translation>
    </message>
    <message>
        <source>the update rule</source>
        <translation>更新則</translation>
    </message>
    <message>
        <source>μ in w^(t+1) = w^t − ε∇L + μ(w^t − w^(t−1))</source>
        <translation>w^(t+1) = w^t − ε∇L + μ(w^t − w^(t−1)) の μ</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>バッチ</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>learning rate ε</source>
        <translation>学習率 ε</translation>
    </message>
    <message>
        <source>ε in w^(t+1) = w^t − ε∇L: too small converges slowly, too large oscillates and overshoots</source>
        <translation>w^(t+1) = w^t − ε∇L の ε: 小さすぎると収束が遅く、大きすぎると振動して通り過ぎる</translation>
    </message>
    <message>
        <source>update</source>
        <translation>更新則</translation>
    </message>
    <message>
        <source>μ</source>
        <translation>μ</translation>
    </message>
    <message>
        <source>L of a batch</source>
        <translation>バッチの L</translation>
    </message>
    <message>
        <source>mean of L_n</source>
        <translation>L_n の平均</translation>
    </message>
    <message>
        <source>sum of L_n (slides)</source>
        <translation>L_n の総和 (スライド)</translation>
    </message>
    <message>
        <source>mean or sum (the slides&apos; form) of L_n over a batch</source>
        <translation>バッチにわたる L_n の平均、または総和 (スライドの形)</translation>
    </message>
    <message>
        <source>L1 λ₁</source>
        <translation>L1 λ₁</translation>
    </message>
    <message>
        <source>λ₁: adds λ₁ Σ|w| to L, pulling weights to exactly 0</source>
        <translation>λ₁: L に λ₁ Σ|w| を加え、重みをちょうど 0 へ引き寄せる</translation>
    </message>
    <message>
        <source>L2 λ₂</source>
        <translation>L2 λ₂</translation>
    </message>
    <message>
        <source>λ₂: adds ½ λ₂ Σw² to L (weight decay)</source>
        <translation>λ₂: L に ½ λ₂ Σw² を加える (荷重減衰)</translation>
    </message>
    <message>
        <source>ε schedule</source>
        <translation>ε の変化</translation>
    </message>
    <message>
        <source>ε over time. step: ε γ^⌊epoch / every⌋; exponential: ε γ^(epoch / every)</source>
        <translation>ε の時間変化。階段: ε γ^⌊エポック / 間隔⌋、指数: ε γ^(エポック / 間隔)</translation>
    </message>
    <message>
        <source>γ, the factor ε is multiplied by</source>
        <translation>γ: ε に掛ける係数</translation>
    </message>
    <message>
        <source>epochs per factor γ</source>
        <translation>係数 γ を掛けるエポック間隔</translation>
    </message>
    <message>
        <source>γ</source>
        <translation>γ</translation>
    </message>
    <message>
        <source>every</source>
        <translation>間隔</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>{} /s</source>
        <translation>{} /s</translation>
    </message>
    <message>
        <source>matched: {}</source>
        <translation>対応する組: {}</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>恒等写像</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Import CSV data</source>
        <translation>CSV データの取り込み</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>ファイルが選ばれていません</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Line numbers in the file</source>
        <translation>ファイル内の行番号</translation>
    </message>
    <message>
        <source>reading the file… %p %</source>
        <translation>ファイルを読み込み中… %p %</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop reading the file; change a choice to read it again.</source>
        <translation>ファイルの読み込みを止めます。選択を変えると読み込み直します。</translation>
    </message>
    <message>
        <source>The columns the network gets as inputs x₁, x₂, …; they must hold numbers.</source>
        <translation>ネットワークの入力 x₁, x₂, … にする列。数値の列に限ります。</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>The column the network learns to predict (the teacher signal d).</source>
        <translation>ネットワークが予測を学習する列 (教師信号 d)。</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>How the file&apos;s text is encoded. Automatic: a BOM, else UTF-8, else CP932 (Shift_JIS, Excel&apos;s “CSV (comma delimited)” in Japan).</source>
        <translation>ファイルの文字コード。自動: BOM があればそれに従い、なければ UTF-8、だめなら CP932（Shift_JIS。日本語版 Excel の「CSV (コンマ区切り)」）として読みます。</translation>
    </message>
    <message>
        <source>point: 1.5</source>
        <translation>ピリオド: 1.5</translation>
    </message>
    <message>
        <source>comma: 1,5</source>
        <translation>カンマ: 1,5</translation>
    </message>
    <message>
        <source>How the numbers write their decimals. Automatic: a comma only in a file separated by &apos;;&apos; or tabs with no number written 1.5.</source>
        <translation>数値の小数点の書き方。自動: &apos;;&apos; かタブで区切られ、1.5 のように書かれた数値が一つもないファイルに限り、カンマを小数点とみなします。</translation>
    </message>
    <message>
        <source>Further target columns: each becomes one more output of a regression (as y₁, y₂ in the slides). Classification takes one target column.</source>
        <translation>さらに教師信号にする列: 1 列ごとに回帰の出力が 1 つ増えます (スライドの y₁, y₂ のように)。クラス識別の教師信号は 1 列だけです。</translation>
    </message>
    <message>
        <source>regression (a number)</source>
        <translation>回帰 (数値)</translation>
    </message>
    <message>
        <source>2 classes</source>
        <translation>2 クラス</translation>
    </message>
    <message>
        <source>K classes</source>
        <translation>K クラス</translation>
    </message>
    <message>
        <source>Automatic: text labels, or whole numbers with at most 10 values, are classes; other numbers are a regression.</source>
        <translation>自動: 文字列のラベル、または値が 10 種類以下の整数ならクラス識別、それ以外の数値なら回帰。</translation>
    </message>
    <message>
        <source>Share of the rows held out as test data (never trained on). 0 %: all rows train, in the file&apos;s order.</source>
        <translation>テストデータとして取り分ける行の割合 (学習には使わない)。0 %: すべての行をファイルの順で学習に使う。</translation>
    </message>
    <message>
        <source>Seeds the shuffle before the rows are split into training and test data.</source>
        <translation>行を学習データとテストデータに分ける前のシャッフルのシード。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>ファイル:</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>文字コード:</translation>
    </message>
    <message>
        <source>Decimal mark:</source>
        <translation>小数点:</translation>
    </message>
    <message>
        <source>Input columns</source>
        <translation>入力の列</translation>
    </message>
    <message>
        <source>Target and split</source>
        <translation>教師信号と分割</translation>
    </message>
    <message>
        <source>Target column:</source>
        <translation>教師信号の列:</translation>
    </message>
    <message>
        <source>More targets:</source>
        <translation>ほかの教師信号:</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>問題:</translation>
    </message>
    <message>
        <source>Test share:</source>
        <translation>テストの割合:</translation>
    </message>
    <message>
        <source>Split seed:</source>
        <translation>分割のシード:</translation>
    </message>
    <message>
        <source>Open CSV data</source>
        <translation>CSV データを開く</translation>
    </message>
    <message>
        <source>CSV data (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV データ (*.csv *.tsv *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>カンマ</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>セミコロン</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>タブ</translation>
    </message>
    <message>
        <source>Choose a CSV file with a header row.</source>
        <translation>見出し行のある CSV ファイルを選んでください。</translation>
    </message>
    <message>
        <source>Preview: the file shows no rows.</source>
        <translation>プレビュー: ファイルに行がありません。</translation>
    </message>
    <message>
        <source>Preview of the first {0} data rows (separated by {1}); row numbers are line numbers; blue: target, grey: not used.</source>
        <translation>先頭 {0} データ行のプレビュー (区切り: {1})。行番号はファイルの行番号。青: 教師信号、灰色: 使わない列。</translation>
    </message>
    <message>
        <source>Only the first {0} of {1} columns are shown.</source>
        <translation>{1} 列のうち最初の {0} 列だけを表示しています。</translation>
    </message>
    <message>
        <source>Text: {0}.</source>
        <translation>文字コード: {0}。</translation>
    </message>
    <message>
        <source>No encoding fits: shown as UTF-8 with bad bytes replaced.</source>
        <translation>どの文字コードにも合いません。UTF-8 として、読めないバイトを置き換えて表示しています。</translation>
    </message>
    <message>
        <source>Decimal comma: 1,5 is read as 1.5.</source>
        <translation>小数点はカンマ: 1,5 を 1.5 と読みます。</translation>
    </message>
    <message>
        <source>{0} (target)</source>
        <translation>{0} (教師信号)</translation>
    </message>
    <message>
        <source>This is the target column.</source>
        <translation>これは教師信号の列です。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>No file chosen: use Browse… to pick a CSV file.</source>
        <translation>ファイルが選ばれていません: 「参照…」で CSV ファイルを選んでください。</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>ファイルを読み込み中…</translation>
    </message>
    <message>
        <source>Reading stopped. Change a choice to read the file again.</source>
        <translation>読み込みを止めました。選択を変えるとファイルを読み込み直します。</translation>
    </message>
    <message>
        <source>{0} rows: {1} train, {2} test</source>
        <translation>{0} 行: 学習 {1}、テスト {2}</translation>
    </message>
    <message>
        <source>1 input</source>
        <translation>入力 1 個</translation>
    </message>
    <message>
        <source>{0} inputs</source>
        <translation>入力 {0} 個</translation>
    </message>
    <message>
        <source>regression of {0} outputs: {1}</source>
        <translation>出力 {0} 個の回帰: {1}</translation>
    </message>
    <message>
        <source>regression: {0} from {1:.4g} to {2:.4g}</source>
        <translation>回帰: {0} は {1:.4g} から {2:.4g}</translation>
    </message>
    <message>
        <source>{0}-class: {1}</source>
        <translation>{0} クラス: {1}</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>width</source>
        <translation>幅</translation>
    </message>
    <message>
        <source>height</source>
        <translation>高さ</translation>
    </message>
    <message>
        <source>antialias</source>
        <translation>アンチエイリアス</translation>
    </message>
    <message>
        <source>background</source>
        <translation>背景</translation>
    </message>
    <message>
        <source>invertValue</source>
        <translation>値を反転</translation>
    </message>
    <message>
        <source>scaling stroke</source>
        <translation>線幅も拡大縮小</translation>
    </message>
    <message>
        <source>Scalable Vector Graphics</source>
        <translation>SVG ベクター画像</translation>
    </message>
    <message>
        <source>separator</source>
        <translation>区切り文字</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>columnMode</source>
        <translation>列の並べ方</translation>
    </message>
    <message>
        <source>Print Document</source>
        <translation>文書の印刷</translation>
    </message>
    <message>
        <source>CSV of original plot data</source>
        <translation>元のプロットデータの CSV</translation>
    </message>
    <message>
        <source>Image File (PNG, TIF, JPG, ...)</source>
        <translation>画像ファイル (PNG, TIF, JPG, ...)</translation>
    </message>
    <message>
        <source>Matplotlib Window</source>
        <translation>Matplotlib ウィンドウ</translation>
    </message>
    <message>
        <source>Scalable Vector Graphics (SVG)</source>
        <translation>SVG ベクター画像</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>nnviz files ({0})</source>
        <translation>nnviz のファイル ({0})</translation>
    </message>
    <message>
        <source>{0}: nnviz opens .nnviz, .npz, .json, .onnx and .csv files</source>
        <translation>{0}: nnviz で開けるのは .nnviz, .npz, .json, .onnx, .csv のファイルです</translation>
    </message>
    <message>
        <source>Another architecture</source>
        <translation>別の構成</translation>
    </message>
    <message>
        <source>The file has layers {0} ({1}), the current network {2}. Adopt the file&apos;s architecture?</source>
        <translation>ファイルの層構成は {0} ({1})、現在のネットワークは {2} です。ファイルの構成に切り替えますか?</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>セッションを保存</translation>
    </message>
    <message>
        <source>nnviz session (*.nnviz)</source>
        <translation>nnviz セッション (*.nnviz)</translation>
    </message>
    <message>
        <source>NumPy weights (*.npz)</source>
        <translation>NumPy 形式の重み (*.npz)</translation>
    </message>
    <message>
        <source>JSON weights (*.json)</source>
        <translation>JSON 形式の重み (*.json)</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX モデル (*.onnx)</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx) — needs: pip install &apos;nnviz[onnx]&apos;</source>
        <translation>ONNX モデル (*.onnx) — 要: pip install &apos;nnviz[onnx]&apos;</translation>
    </message>
    <message>
        <source>Export weights</source>
        <translation>重みの書き出し</translation>
    </message>
    <message>
        <source>ONNX export needs the onnx package: pip install &apos;nnviz[onnx]&apos;</source>
        <translation>ONNX で書き出すには onnx パッケージが必要です: pip install &apos;nnviz[onnx]&apos;</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>{0} を保存しました</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>データの書き出し</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export loss history</source>
        <translation>誤差の履歴の書き出し</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>表示の書き出し</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG 画像 (*.png);;SVG 画像 (*.svg)</translation>
    </message>
    <message>
        <source>Export worksheet</source>
        <translation>演習シートの書き出し</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>書き出しました</translation>
    </message>
    <message>
        <source>Unsaved training</source>
        <translation>未保存の学習</translation>
    </message>
    <message>
        <source>The network has trained since it was last saved. Save the session?</source>
        <translation>前回の保存の後にネットワークが学習しています。セッションを保存しますか?</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a session (.nnviz), weights (.npz, .json, .onnx) or data (.csv)</source>
        <translation>セッション (.nnviz)、重み (.npz, .json, .onnx)、データ (.csv) を開く</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import CSV data…</source>
        <translation>CSV データを取り込む(&amp;I)…</translation>
    </message>
    <message>
        <source>Train on your own data: choose input and target columns</source>
        <translation>自分のデータで学習: 入力と教師信号の列を選ぶ</translation>
    </message>
    <message>
        <source>&amp;Save session</source>
        <translation>セッションを保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save everything: settings, data, weights, optimiser state, loss history</source>
        <translation>すべてを保存: 設定、データ、重み、最適化法の状態、誤差の履歴</translation>
    </message>
    <message>
        <source>Save session &amp;as…</source>
        <translation>名前を付けてセッションを保存(&amp;A)…</translation>
    </message>
    <message>
        <source>Export &amp;weights…</source>
        <translation>重みを書き出す(&amp;W)…</translation>
    </message>
    <message>
        <source>The trained weights as .npz or .json (NumPy) or .onnx (ONNX runtimes, Netron)</source>
        <translation>学習した重みを .npz / .json (NumPy) または .onnx (ONNX ランタイム、Netron) で保存</translation>
    </message>
    <message>
        <source>Export work&amp;sheet…</source>
        <translation>演習シートを書き出す(&amp;S)…</translation>
    </message>
    <message>
        <source>A printable PDF exercise of one training step (the step-through&apos;s, else a new one), with its answer key</source>
        <translation>1 回の学習ステップの印刷用演習シート (PDF、解答つき)。ステップ実行の記録があればそれを、なければ新しく 1 ステップ記録して使う</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>書き出し(&amp;X)</translation>
    </message>
    <message>
        <source>Training data as CSV…</source>
        <translation>学習データを CSV で…</translation>
    </message>
    <message>
        <source>Test data as CSV…</source>
        <translation>テストデータを CSV で…</translation>
    </message>
    <message>
        <source>Loss history as CSV…</source>
        <translation>誤差の履歴を CSV で…</translation>
    </message>
    <message>
        <source>Network view</source>
        <translation>ネットワーク図</translation>
    </message>
    <message>
        <source>Output view</source>
        <translation>出力の表示</translation>
    </message>
    <message>
        <source>Hidden features view</source>
        <translation>隠れ層の特徴の表示</translation>
    </message>
    <message>
        <source>Loss view</source>
        <translation>誤差の表示</translation>
    </message>
    <message>
        <source>Optimiser arena</source>
        <translation>最適化法の比較</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>誤差曲面</translation>
    </message>
    <message>
        <source>Step-through formulas</source>
        <translation>ステップ実行の数式</translation>
    </message>
    <message>
        <source>Activation functions</source>
        <translation>活性化関数</translation>
    </message>
    <message>
        <source>{0} as PNG or SVG…</source>
        <translation>{0}を PNG / SVG で…</translation>
    </message>
    <message>
        <source>&amp;Record animation…</source>
        <translation>アニメーションを録画(&amp;R)…</translation>
    </message>
    <message>
        <source>The current tab while it trains, or the step-through&apos;s phases, as an animated GIF or MP4 for slides</source>
        <translation>学習中の現在のタブ、またはステップ実行の各段階を、スライド用のアニメーション GIF または MP4 に</translation>
    </message>
    <message>
        <source> (MP4 needs: pip install &apos;nnviz[video]&apos;)</source>
        <translation>(MP4 には pip install &apos;nnviz[video]&apos; が必要)</translation>
    </message>
    <message>
        <source>CSV for Excel: UTF-8 with a BOM (*.csv)</source>
        <translation>Excel 用 CSV: BOM 付き UTF-8 (*.csv)</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <source>Item to export:</source>
        <translation>書き出す項目:</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>書き出し形式</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Export options</source>
        <translation>書き出しの設定</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>PyQtGraph</source>
        <translation>PyQtGraph</translation>
    </message>
    <message>
        <source>Link Axis:</source>
        <translation>軸の連動:</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Links this axis with another view. When linked, both views will display the same data range.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;この軸を別のビューと連動させます。連動すると両方のビューが同じデータ範囲を表示します。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Percent of data to be visible when auto-scaling. It may be useful to decrease this value for data with spiky noise.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;自動調整のときに表示するデータの割合 (%)。とがったノイズのあるデータでは小さくすると見やすくなります。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Automatically resize this axis whenever the displayed data is changed.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;表示するデータが変わるたびに、この軸の範囲を自動で調整します。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Set the range for this axis manually. This disables automatic scaling. &lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;この軸の範囲を手動で設定します。自動調整は無効になります。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手動</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Minimum value to display for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;この軸に表示する最小値。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Maximum value to display for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;この軸に表示する最大値。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Inverts the display of this axis. (+y points downward instead of upward)&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;この軸の向きを反転します (+y が上ではなく下向きになります)。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Invert Axis</source>
        <translation>軸を反転</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Enables mouse interaction (panning, scaling) for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;この軸でマウス操作 (移動、拡大縮小) を有効にします。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Mouse Enabled</source>
        <translation>マウス操作を有効</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;When checked, the axis will only auto-scale to data that is visible along the orthogonal axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;オンにすると、もう一方の軸の方向に見えているデータだけに合わせて自動調整します。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Visible Data Only</source>
        <translation>見えているデータのみ</translation>
    </message>
    <message>
        <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;When checked, the axis will automatically pan to center on the current data, but the scale along this axis will not change.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
        <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;オンにすると、現在のデータが中央に来るように自動で移動しますが、この軸の縮尺は変えません。&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
    </message>
    <message>
        <source>Auto Pan Only</source>
        <translation>自動移動のみ</translation>
    </message>
    <message>
        <source>Display averages of the curves displayed in this plot. The parameter list allows you to choose parameters to average over (if any are available).</source>
        <translation>このプロットに表示した曲線の平均を表示します。パラメータの一覧で、平均をとるパラメータを選べます (ある場合)。</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Plot only the portion of each curve that is visible. This assumes X values are uniformly spaced.</source>
        <translation>各曲線の見えている部分だけを描きます。X の値が等間隔であることを前提とします。</translation>
    </message>
    <message>
        <source>Clip to View</source>
        <translation>表示範囲で切り取る</translation>
    </message>
    <message>
        <source>If multiple curves are displayed in this plot, check this box to limit the number of traces that are displayed.</source>
        <translation>このプロットに複数の曲線があるとき、オンにすると表示する曲線の数を制限します。</translation>
    </message>
    <message>
        <source>Max Traces:</source>
        <translation>最大曲線数:</translation>
    </message>
    <message>
        <source>Downsample</source>
        <translation>間引き</translation>
    </message>
    <message>
        <source>Downsample by drawing a saw wave that follows the min and max of the original data. This method produces the best visual representation of the data but is slower.</source>
        <translation>元のデータの最小値と最大値をたどるのこぎり波で間引きます。見た目は最も正確ですが、遅くなります。</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>ピーク</translation>
    </message>
    <message>
        <source>If multiple curves are displayed in this plot, check &quot;Max Traces&quot; and set this value to limit the number of traces that are displayed.</source>
        <translation>このプロットに複数の曲線があるとき、「最大曲線数」をオンにしてこの値を設定すると、表示する曲線の数を制限します。</translation>
    </message>
    <message>
        <source>If MaxTraces is checked, remove curves from memory after they are hidden (saves memory, but traces can not be un-hidden).</source>
        <translation>「最大曲線数」がオンのとき、隠した曲線をメモリから削除します (メモリを節約できますが、再表示はできません)。</translation>
    </message>
    <message>
        <source>Forget hidden traces</source>
        <translation>隠した曲線を破棄</translation>
    </message>
    <message>
        <source>Downsample by taking the mean of N samples.</source>
        <translation>N 個のサンプルの平均をとって間引きます。</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Downsample by taking the first of N samples. This method is fastest and least accurate.</source>
        <translation>N 個のサンプルの最初の 1 つをとって間引きます。最も速く、最も不正確です。</translation>
    </message>
    <message>
        <source>Subsample</source>
        <translation>サブサンプル</translation>
    </message>
    <message>
        <source>Automatically downsample data based on the visible range. This assumes X values are uniformly spaced.</source>
        <translation>表示範囲に応じてデータを自動で間引きます。X の値が等間隔であることを前提とします。</translation>
    </message>
    <message>
        <source>Downsample data before plotting. (plot every Nth sample)</source>
        <translation>描く前にデータを間引きます (N 個ごとに描く)。</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>Log X</source>
        <translation>X を対数</translation>
    </message>
    <message>
        <source>dy/dx</source>
        <translation>dy/dx</translation>
    </message>
    <message>
        <source>Y vs. Y&apos;</source>
        <translation>Y vs. Y&apos;</translation>
    </message>
    <message>
        <source>Power Spectrum (FFT)</source>
        <translation>パワースペクトル (FFT)</translation>
    </message>
    <message>
        <source>Log Y</source>
        <translation>Y を対数</translation>
    </message>
    <message>
        <source>Subtract Mean</source>
        <translation>平均を引く</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点</translation>
    </message>
    <message>
        <source>Show X Grid</source>
        <translation>X のグリッドを表示</translation>
    </message>
    <message>
        <source>Show Y Grid</source>
        <translation>Y のグリッドを表示</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>不透明度</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <source>Export...</source>
        <translation>書き出し...</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>nnviz guide</source>
        <translation>nnviz ガイド</translation>
    </message>
    <message>
        <source>What it shows:</source>
        <translation>表示内容:</translation>
    </message>
    <message>
        <source>Every unit and every weight, from layer 1 (the input) to layer L (the output): each unit computes u = W z + b and z = f(u). Edges are coloured by the sign of w (orange negative, blue positive) and are as wide as |w|; for 2-D data each unit shows its output z over the input plane. “Colour by” switches to what backpropagation computes: ∂L/∂w on the edges, the deltas δ on the units.</source>
        <translation>層 1 (入力層) から層 L (出力層) までのすべてのユニットと重み。各ユニットは u = W z + b と z = f(u) を計算する。辺の色は w の符号 (オレンジが負、青が正)、太さは |w|。2 次元のデータでは、各ユニットが入力平面上での出力 z を示す。「色分け」で誤差逆伝播法が計算するものに切り替わる: 辺には ∂L/∂w、ユニットにはデルタ δ。</translation>
    </message>
    <message>
        <source>The data set; the task, which picks the output layer and error function that belong together (so that δ^(L) = z − d), or a pair of your own; the hidden layers and their activation functions; the initial weights; and training: B (N: gradient descent, 1: SGD, otherwise minibatch gradient descent), the learning rate ε, the update rule and μ.</source>
        <translation>データセット。問題 (δ^(L) = z − d となるように対応する出力層と誤差関数の組を選ぶ。自分で組を選ぶこともできる)。中間層とその活性化関数。重みの初期値。そして学習: B (N: 勾配降下法、1: 確率的勾配降下法 (SGD)、それ以外: ミニバッチ勾配降下法)、学習率 ε、更新則と μ。</translation>
    </message>
    <message>
        <source>For 2-D data, the output y over the input plane with the decision boundary, the training points (circles) and the test points (diamonds); for regression on one input, the fitted curve over the data. Click a training point to select sample n.</source>
        <translation>2 次元のデータでは、入力平面上の出力 y と決定境界、学習データの点 (丸) とテストデータの点 (ひし形)。入力が 1 つの回帰では、データに当てはめた曲線。学習データの点をクリックするとサンプル n を選べる。</translation>
    </message>
    <message>
        <source>The data in the space of a hidden layer&apos;s outputs (two chosen units, or a 2-D PCA), where the classes become linearly separable. When the last hidden layer has two units, the output&apos;s decision boundary is drawn in their plane.</source>
        <translation>中間層 (隠れ層) の出力の空間でのデータ (選んだ 2 つのユニット、または 2 次元の PCA)。この空間でクラスが線形分離できるようになる (線形化)。最後の中間層のユニットが 2 つなら、その平面に出力層の決定境界を描く。</translation>
    </message>
    <message>
        <source>The error L on the training data and on the test data, against step or epoch (log scale), with the accuracy and the confusion matrix, or RMSE and R² for regression.</source>
        <translation>学習データとテストデータでの誤差 L をステップまたはエポックに対して表示 (対数目盛)。正解率と混同行列、回帰では RMSE と R² も示す。</translation>
    </message>
    <message>
        <source>f and f′ of the nine activation functions of the lecture&apos;s table; the ones the current network uses are highlighted.</source>
        <translation>講義の表にある 9 つの活性化関数の f と f′。現在のネットワークが使っているものは強調表示される。</translation>
    </message>
    <message>
        <source>One real training step, phase by phase, in the slides&apos; four steps of backpropagation: (1) the forward pass layer by layer, (2) the output δ^(L) = z − d, (3) the δ recursion backwards, (4) each layer&apos;s gradient δ^(l) z^(l−1)ᵀ, then the update, every formula filled in with the numbers of the step.</source>
        <translation>実際の学習 1 ステップを、スライドの誤差逆伝播法の 4 つの手順に沿って段階ごとに示す: (1) 層ごとの順伝播、(2) 出力層の δ^(L) = z − d、(3) 逆向きの δ の漸化式、(4) 各層の勾配 δ^(l) z^(l−1)ᵀ、そして重みの更新。どの式にもそのステップの数値が入る。</translation>
    </message>
    <message>
        <source>GD, SGD, momentum SGD, Nesterov, AdaGrad, RMSProp and Adam racing from one start across the contour plot of a surface L(x, y): the ravine of the slide “SGD vs Momentum SGD”, the saddle x² − y², Rosenbrock, Himmelblau and more, or a formula of your own. The table gives ‖∇L‖ and the Hessian&apos;s eigenvalues at each optimiser&apos;s point.</source>
        <translation>勾配降下法 (GD)、確率的勾配降下法 (SGD)、モメンタム SGD、Nesterov、AdaGrad、RMSProp、Adam を同じ開始点から、曲面 L(x, y) の等高線図の上で競わせる: スライド「SGD vs Momentum SGD」の谷、鞍点 x² − y²、Rosenbrock 関数、Himmelblau 関数など、または自分で入力した式。表には各最適化法の現在の点での ‖∇L‖ とヘッセ行列の固有値が出る。</translation>
    </message>
    <message>
        <source>The network&apos;s own error surface: a 2-D slice through the current weights, along two weights you click in the network, two random directions or the path&apos;s two principal directions, with the path drawn on it. “Compute Hessian” names the point a minimum or a saddle only where ‖∇L‖ is almost 0; “Run restarts” trains K networks from K seeds and counts the distinct solutions they reach.</source>
        <translation>ネットワーク自身の誤差曲面: 現在の重みを通る 2 次元の断面 (ネットワークでクリックした 2 つの重み、2 つのランダムな方向、または学習の軌跡の 2 つの主方向に沿う) と、その上の軌跡。「ヘッセ行列を計算」は ‖∇L‖ がほぼ 0 のときだけ、その点を極小点か鞍点かと判定する。「再学習を実行」は K 個のシードから K 個のネットワークを学習し、行き着いた異なる解を数える。</translation>
    </message>
    <message>
        <source>Try:</source>
        <translation>試してみよう:</translation>
    </message>
    <message>
        <source>Hover a unit for u, z, δ and b of the selected sample, an edge for w_ji and ∂L/∂w_ji. Click an edge to set a weight by hand and watch the output change. Add and remove layers and units on the left (+ and −): the view rebuilds and the new network trains.</source>
        <translation>ユニットにマウスを重ねると選んだサンプルの u, z, δ と b が、辺に重ねると w_ji と ∂L/∂w_ji が出る。辺をクリックして重みを手で設定し、出力がどう変わるか見てみよう。左側 (+ と −) で層やユニットを増減すると、表示が作り直され、新しいネットワークが学習する。</translation>
    </message>
    <message>
        <source>Space plays and pauses, S takes one step, R goes back to the same initial weights (to replay a run with other settings), N draws new ones. Every control has a tooltip in the lecture&apos;s terms.</source>
        <translation>Space で再生と一時停止、S で 1 ステップ、R で同じ初期値に戻す (別の設定で同じ学習をやり直すため)、N で新しい初期値を引く。どの操作にも講義の用語によるツールチップがある。</translation>
    </message>
    <message>
        <source>Fit sin x with the identity output and squared error; separate four classes with softmax and cross-entropy; solve the circles with the hand-made features x₁², x₂² and no hidden layer.</source>
        <translation>恒等写像の出力と二乗誤差で sin x に当てはめる。ソフトマックス関数と交差エントロピーで 4 つのクラスを分ける。手作りの特徴 x₁², x₂² を使い、中間層なしで同心円を解く。</translation>
    </message>
    <message>
        <source>Train the circles through hidden layers of 4 and 2 units: in the plane of the last hidden layer a straight line comes to separate the two classes.</source>
        <translation>ユニット 4 つと 2 つの中間層で同心円を学習する: 最後の中間層の平面では、2 つのクラスが直線で分けられるようになる。</translation>
    </message>
    <message>
        <source>Make the learning rate too large (the error oscillates and stays high) and too small (it crawls). Compare gradient descent, SGD and minibatches per step and per epoch, and momentum against plain SGD.</source>
        <translation>学習率を大きすぎる値 (誤差が振動して高いまま) と小さすぎる値 (ゆっくりとしか減らない) にしてみよう。勾配降下法、確率的勾配降下法、ミニバッチ勾配降下法をステップあたりとエポックあたりで比べ、モメンタムと普通の SGD も比べる。</translation>
    </message>
    <message>
        <source>The binary step passes no gradient: its f′ is 0, so δ is 0 in every hidden layer and only the output layer learns. Switch a hidden layer from the sigmoid to ReLU and compare the error curves.</source>
        <translation>ステップ関数は勾配を伝えない: f′ が 0 なので、どの中間層でも δ が 0 になり、出力層だけが学習する。中間層をシグモイドから ReLU に切り替えて、誤差の曲線を比べてみよう。</translation>
    </message>
    <message>
        <source>Press T (Train menu) to record a step, then go through it with ◀ ▶. Click a unit for its own line of the δ recursion, an edge for ∂L_n/∂w_ji = δ_j z_i; “Gradient check” compares backpropagation with central differences. In the slides&apos; worked example, follow the numbers of one δ by hand.</source>
        <translation>T (学習メニュー) で 1 ステップを記録し、◀ ▶ で順にたどる。ユニットをクリックするとそのユニットの δ の漸化式が、辺をクリックすると ∂L_n/∂w_ji = δ_j z_i が出る。「勾配チェック」は誤差逆伝播法の勾配を中心差分と比べる。スライドの例題で、δ の 1 つを手で計算して数値を確かめよう。</translation>
    </message>
    <message>
        <source>On the ravine, SGD zig-zags across the valley and momentum runs along it; give momentum the common ε (“= ε”) and raise μ towards 1, and it overshoots. On the saddle, press “GD lingers at the saddle”: gradient descent stays near the saddle point, the noise of SGD pushes it off sooner. Click the plot to move the start.</source>
        <translation>谷では確率的勾配降下法 (SGD) は谷を横切ってジグザグに進み、モメンタムは谷に沿って進む。モメンタムに共通の ε (「= ε」) を与えて μ を 1 に近づけると、行き過ぎる。鞍点では「GD は鞍点で停滞する」を押す: 勾配降下法は鞍点の近くにとどまり、SGD はノイズでより早く抜け出す。図をクリックすると開始点が移る。</translation>
    </message>
    <message>
        <source>XOR with one hidden layer of 2 tanh units, B = N, ε = 0.5, L2 = 0.01: run restarts. The runs converge to several distinct local minima, and only some reach the lowest error (a candidate for the global minimum): which solution is found depends on the initial values.</source>
        <translation>XOR を tanh のユニット 2 つの中間層 1 つ、B = N、ε = 0.5、L2 = 0.01 で学習し、「再学習を実行」を押す。学習はいくつもの異なる局所解に収束し、最も小さい誤差 (大域解の候補) に達するのは一部だけ: どの解が見つかるかは初期値による。</translation>
    </message>
    <message>
        <source>Scenes of the Presets menu:</source>
        <translation>プリセットメニューの場面:</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <source>Controls</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>Hidden features</source>
        <translation>隠れ層の特徴</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>誤差</translation>
    </message>
    <message>
        <source>Activation functions</source>
        <translation>活性化関数</translation>
    </message>
    <message>
        <source>Step-through</source>
        <translation>ステップ実行</translation>
    </message>
    <message>
        <source>Optimiser arena</source>
        <translation>最適化法の比較</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>誤差曲面</translation>
    </message>
    <message>
        <source>What each tab and panel of the window shows, and what to try there.</source>
        <translation>ウィンドウの各タブと各パネルが何を表示し、そこで何を試せるか。</translation>
    </message>
</context>
<context>
    <name>HiddenView</name>
    <message>
        <source>Layer {0} (1 unit)</source>
        <translation>第 {0} 層 (1 ユニット)</translation>
    </message>
    <message>
        <source>Layer {0} ({1} units)</source>
        <translation>第 {0} 層 ({1} ユニット)</translation>
    </message>
    <message>
        <source>The hidden layer l whose outputs z^(l) = f(u^(l)) are the coordinates. Hidden layers learn features φ(x) that make the classes linearly separable (線形化): same-class data gather together.</source>
        <translation>出力 z^(l) = f(u^(l)) を座標とする隠れ層 l。隠れ層はクラスを線形分離可能にする特徴 φ(x) を学習する (線形化): 同じクラスのデータが集まる。</translation>
    </message>
    <message>
        <source>Two units</source>
        <translation>2 ユニット</translation>
    </message>
    <message>
        <source>PCA (2-D)</source>
        <translation>PCA (2 次元)</translation>
    </message>
    <message>
        <source>Two units: plot the outputs z_a^(l), z_b^(l) of two chosen units.
PCA: project all n_l outputs onto the two directions in which they vary most over the training data.</source>
        <translation>2 ユニット: 選んだ 2 つのユニットの出力 z_a^(l), z_b^(l) を描く。
PCA: n_l 個の出力すべてを、学習データ上で最もばらつく 2 方向に射影する。</translation>
    </message>
    <message>
        <source>horizontal</source>
        <translation>横</translation>
    </message>
    <message>
        <source>vertical</source>
        <translation>縦</translation>
    </message>
    <message>
        <source>The unit j of layer l on the {0} axis (1 … n_l).</source>
        <translation>{0}軸に置く、第 l 層のユニット j (1 … n_l)。</translation>
    </message>
    <message>
        <source>The output layer&apos;s decision boundary W^(L) z + b^(L) = 0, where y = 0.5: a straight line in the space of the last hidden layer.</source>
        <translation>出力層の決定境界 W^(L) z + b^(L) = 0 (y = 0.5 となる所): 最後の隠れ層の空間では直線になる。</translation>
    </message>
    <message>
        <source>The output layer&apos;s class regions argmax_k (w_k^(L)ᵀ z + b_k^(L)): in the space of the last hidden layer they are cut by straight lines.</source>
        <translation>出力層のクラス領域 argmax_k (w_k^(L)ᵀ z + b_k^(L)): 最後の隠れ層の空間では直線で区切られる。</translation>
    </message>
    <message>
        <source>This network has no hidden layer: the output is computed straight from the input. Add a hidden layer to see the features it learns.</source>
        <translation>このネットワークには隠れ層がありません: 出力は入力から直接計算されます。隠れ層を追加すると、学習した特徴が見られます。</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>層</translation>
    </message>
    <message>
        <source>View</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>ユニット</translation>
    </message>
    <message>
        <source>PC1</source>
        <translation>PC1</translation>
    </message>
    <message>
        <source>PC2</source>
        <translation>PC2</translation>
    </message>
    <message>
        <source>jitter (no meaning)</source>
        <translation>ジッター (意味なし)</translation>
    </message>
    <message>
        <source>PC1 explains {0:.0f} % of the variance of z&lt;sup&gt;({1})&lt;/sup&gt; over the training data</source>
        <translation>PC1 は学習データ上の z&lt;sup&gt;({1})&lt;/sup&gt; の分散の {0:.0f} % を説明</translation>
    </message>
    <message>
        <source>, PC2 {0:.0f} %</source>
        <translation>、PC2 は {0:.0f} %</translation>
    </message>
    <message>
        <source>Layer {0} has one unit: its output z&lt;sub&gt;1&lt;/sub&gt;&lt;sup&gt;({0})&lt;/sup&gt; is plotted against random jitter so that overlapping points stay visible.</source>
        <translation>第 {0} 層のユニットは 1 つ: 重なった点が見えるよう、出力 z&lt;sub&gt;1&lt;/sub&gt;&lt;sup&gt;({0})&lt;/sup&gt; をランダムなジッターに対して描いています。</translation>
    </message>
    <message>
        <source>Dashed: the output unit&apos;s decision line w&lt;sup&gt;(L)&lt;/sup&gt;ᵀz + b&lt;sup&gt;(L)&lt;/sup&gt; = 0 (y = 0.5), exact here: the network puts every point on its side&apos;s class.</source>
        <translation>破線: 出力ユニットの識別境界 w&lt;sup&gt;(L)&lt;/sup&gt;ᵀz + b&lt;sup&gt;(L)&lt;/sup&gt; = 0 (y = 0.5)。ここでは厳密: ネットワークは各点を、直線のどちら側にあるかでクラス分けする。</translation>
    </message>
    <message>
        <source>Shaded: the output&apos;s class regions argmax&lt;sub&gt;k&lt;/sub&gt; (w&lt;sub&gt;k&lt;/sub&gt;ᵀz + b&lt;sub&gt;k&lt;/sub&gt;), exact here: the network gives every point its region&apos;s class.</source>
        <translation>色の領域: 出力のクラス領域 argmax&lt;sub&gt;k&lt;/sub&gt; (w&lt;sub&gt;k&lt;/sub&gt;ᵀz + b&lt;sub&gt;k&lt;/sub&gt;)。ここでは厳密: ネットワークは各点に、その領域のクラスを与える。</translation>
    </message>
    <message>
        <source>The output reads all {0} units of layer {1}: in the plane of two of them its decision boundary is not exact, so it is not drawn.</source>
        <translation>出力は層 {1} の {0} ユニットすべてを使う: そのうち 2 つの平面では識別境界は厳密に描けないので、描かない。</translation>
    </message>
    <message>
        <source>The output reads all {0} units of layer {1}: in this PCA projection its decision boundary is not exact, so it is not drawn.</source>
        <translation>出力は層 {1} の {0} ユニットすべてを使う: この PCA 射影では識別境界は厳密でないので、描かない。</translation>
    </message>
    <message>
        <source>The output&apos;s decision boundary is drawn in the space of the last hidden layer (layer {0}).</source>
        <translation>出力の識別境界は最後の隠れ層 (層 {0}) の空間に描く。</translation>
    </message>
</context>
<context>
    <name>LandscapeView</name>
    <message>
        <source>Pick two weights first: click two edges in the network diagram.</source>
        <translation>先に重みを 2 つ選んでください: ネットワーク図のエッジを 2 本クリック。</translation>
    </message>
    <message>
        <source>Computing the loss on {0} × {0} points…</source>
        <translation>{0} × {0} 点で誤差を計算中…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <source>The network or the data changed: the results computed before were cleared.</source>
        <translation>ネットワークまたはデータが変わったので、それまでの計算結果を消去しました。</translation>
    </message>
    <message>
        <source>Computing the Hessian…</source>
        <translation>ヘッセ行列を計算中…</translation>
    </message>
    <message>
        <source>Training {0} networks…</source>
        <translation>{0} 個のネットワークを学習中…</translation>
    </message>
    <message>
        <source>%v of %m runs</source>
        <translation>%m 回中 %v 回</translation>
    </message>
    <message>
        <source>★ the current weights (L = {0:.4g}); ○— the training path projected onto the plane; lines: contours of L{1}.</source>
        <translation>★ 現在の重み (L = {0:.4g})。○— 平面に射影した学習の軌跡。線: L の等高線{1}。</translation>
    </message>
    <message>
        <source>, log-spaced</source>
        <translation> (対数間隔)</translation>
    </message>
    <message>
        <source>‖∇L‖ = {0} {1} {2}</source>
        <translation>‖∇L‖ = {0} {1} {2}</translation>
    </message>
    <message>
        <source>{0} negative eigenvalues of {1}</source>
        <translation>固有値 {1} 個のうち負が {0} 個</translation>
    </message>
    <message>
        <source>Not a critical point: the loss still falls along −∇L (‖∇L‖ = {0}), so the curvature ({1}) does not make it a minimum or a saddle. Train on and compute again.</source>
        <translation>停留点ではない: 誤差はまだ −∇L の方向に減る (‖∇L‖ = {0})。曲率 ({1}) だけでは極小点とも鞍点とも言えない。学習を続けてから再計算する。</translation>
    </message>
    <message>
        <source>a minimum: the loss rises in every direction</source>
        <translation>極小点: どの方向にも誤差が増える</translation>
    </message>
    <message>
        <source>a saddle point: the loss still falls along {0} directions</source>
        <translation>鞍点: まだ {0} 方向に誤差が減る</translation>
    </message>
    <message>
        <source>a maximum: the loss falls in every direction</source>
        <translation>極大点: どの方向にも誤差が減る</translation>
    </message>
    <message>
        <source>flat: some directions have (almost) zero curvature</source>
        <translation>平坦: 曲率が (ほぼ) ゼロの方向がある</translation>
    </message>
    <message>
        <source>‖∇L‖ ≈ 0 and {0} — {1}.</source>
        <translation>‖∇L‖ ≈ 0 で{0} — {1}。</translation>
    </message>
    <message>
        <source>Solution {0}: the output of seed {1} over the input plane</source>
        <translation>解 {0}: シード {1} の出力を入力平面上に描いたもの</translation>
    </message>
    <message>
        <source>×{0}, L = {1}</source>
        <translation>×{0}、L = {1}</translation>
    </message>
    <message>
        <source>Diverged: {0} of {1} runs.</source>
        <translation>発散: {1} 回中 {0} 回。</translation>
    </message>
    <message>
        <source>two weights you pick</source>
        <translation>選んだ 2 つの重み</translation>
    </message>
    <message>
        <source>two random filter-normalised directions (Li et al. 2018)</source>
        <translation>フィルタ正規化した 2 つのランダムな方向 (Li et al. 2018)</translation>
    </message>
    <message>
        <source>principal directions of the trajectory</source>
        <translation>軌跡の主成分方向</translation>
    </message>
    <message>
        <source>The plane through the current weights w on which the loss L is drawn: L(w + α d₁ + β d₂) for the directions d₁, d₂.</source>
        <translation>誤差 L を描く、現在の重み w を通る平面: 方向 d₁, d₂ に対する L(w + α d₁ + β d₂)。</translation>
    </message>
    <message>
        <source>Grid points per axis; the loss is computed grid² times, with the training data</source>
        <translation>軸ごとの格子点数。誤差を学習データで (格子点数)² 回計算する</translation>
    </message>
    <message>
        <source>How far the plane reaches: α and β run from −range to +range</source>
        <translation>平面の広がり: α と β は −範囲 から +範囲 まで動く</translation>
    </message>
    <message>
        <source>Seed of the random directions</source>
        <translation>ランダムな方向のシード</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>計算</translation>
    </message>
    <message>
        <source>Compute the loss over the plane in the training thread</source>
        <translation>学習スレッドで平面上の誤差を計算</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Directions:</source>
        <translation>方向:</translation>
    </message>
    <message>
        <source>grid</source>
        <translation>格子</translation>
    </message>
    <message>
        <source>range</source>
        <translation>範囲</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>シード</translation>
    </message>
    <message>
        <source>Hessian at the current weights</source>
        <translation>現在の重みでのヘッセ行列</translation>
    </message>
    <message>
        <source>Compute Hessian</source>
        <translation>ヘッセ行列を計算</translation>
    </message>
    <message>
        <source>∇²L, the matrix of second derivatives ∂²L/∂w∂w&apos;. Its eigenvalues are the curvatures along its eigenvectors: all positive at a minimum, some negative at a saddle point.</source>
        <translation>∇²L: 2 階微分 ∂²L/∂w∂w&apos; の行列。固有値は固有ベクトル方向の曲率で、極小点ではすべて正、鞍点では一部が負。</translation>
    </message>
    <message>
        <source>eigenvalue (sorted)</source>
        <translation>固有値 (昇順)</translation>
    </message>
    <message>
        <source>The length of the gradient of the training loss at the current weights. Only where it is (almost) zero is the point a critical point, which the eigenvalues then call a minimum or a saddle.</source>
        <translation>現在の重みでの学習データの誤差の勾配の大きさ。これが (ほぼ) ゼロのときだけ停留点であり、固有値から極小点か鞍点かが言える。</translation>
    </message>
    <message>
        <source>Restarts from other initial weights</source>
        <translation>別の初期値からの再学習</translation>
    </message>
    <message>
        <source>K: how many networks to train, each from its own random initial weights w⁰</source>
        <translation>K: 学習するネットワークの数 (それぞれ別のランダムな初期値 w⁰ から)</translation>
    </message>
    <message>
        <source>The most training steps per run; a run stops sooner once it has converged (‖∇L‖ ≤ 10⁻³, or with minibatches the loss has stopped falling)</source>
        <translation>1 回の学習の最大ステップ数。収束すれば (‖∇L‖ ≤ 10⁻³、ミニバッチでは誤差が減らなくなれば) そこで止まる</translation>
    </message>
    <message>
        <source>Train K networks with the current settings from seeds seed … seed + K − 1, each until it converges, and compare the solutions they find</source>
        <translation>現在の設定で、シード seed … seed + K − 1 から K 個のネットワークをそれぞれ収束するまで学習し、得られた解を比べる</translation>
    </message>
    <message>
        <source>None of the {0} runs converged within {1} steps: the loss was still falling, so they say nothing about minima yet. Allow more steps.</source>
        <translation>{0} 回のどれも {1} ステップ以内に収束しなかった: 誤差はまだ減っており、局所解についてはまだ何も言えない。ステップ数を増やす。</translation>
    </message>
    <message>
        <source>{0} of {1} runs converged, all to the same solution (the same outputs on the data).</source>
        <translation>{1} 回中 {0} 回が収束し、すべて同じ解 (データ上で同じ出力) に至った。</translation>
    </message>
    <message>
        <source>{0} of {1} runs converged, to {2} distinct solutions (different outputs on the data): the solution found depends on the initial weights (lecture §5).</source>
        <translation>{1} 回中 {0} 回が収束し、{2} 個の異なる解 (データ上で異なる出力) に至った: どの局所解に至るかは初期値に依存する (講義 §5)。</translation>
    </message>
    <message>
        <source>Not converged (grey): {0}.</source>
        <translation>未収束 (灰色): {0} 回。</translation>
    </message>
    <message>
        <source>Run restarts</source>
        <translation>再学習を実行</translation>
    </message>
    <message>
        <source>final loss</source>
        <translation>最終誤差</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>ステップ数</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>まだなし</translation>
    </message>
    <message>
        <source>Picked: {0} — click edges in the network diagram to pick two weights.</source>
        <translation>選択: {0} — ネットワーク図のエッジをクリックして重みを 2 つ選ぶ。</translation>
    </message>
    <message>
        <source>Each unit&apos;s random direction is scaled to the size of its weights (filter normalisation), so the picture is fair.</source>
        <translation>各ユニットのランダムな方向をその重みの大きさに揃える (フィルタ正規化) ので、公平な図になる。</translation>
    </message>
    <message>
        <source>The two directions along which the weights moved most during training (needs a training run first).</source>
        <translation>学習中に重みが最も大きく動いた 2 方向 (先に学習が必要)。</translation>
    </message>
    <message>
        <source>α: change of {0}</source>
        <translation>α: {0} の変化</translation>
    </message>
    <message>
        <source>β: change of {0}</source>
        <translation>β: {0} の変化</translation>
    </message>
    <message>
        <source>α (1st principal direction)</source>
        <translation>α (第 1 主成分方向)</translation>
    </message>
    <message>
        <source>β (2nd principal direction)</source>
        <translation>β (第 2 主成分方向)</translation>
    </message>
    <message>
        <source>α (random direction d₁)</source>
        <translation>α (ランダムな方向 d₁)</translation>
    </message>
    <message>
        <source>β (random direction d₂)</source>
        <translation>β (ランダムな方向 d₂)</translation>
    </message>
</context>
<context>
    <name>LessonsPanel</name>
    <message>
        <source>en</source>
        <comment>the language of the lesson texts: ja or en</comment>
        <translation>ja</translation>
    </message>
    <message>
        <source>Set up the scene</source>
        <translation>場面を用意する</translation>
    </message>
    <message>
        <source>Open lesson folder…</source>
        <translation>授業フォルダを開く…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tasks&lt;/b&gt;</source>
        <translation>&lt;b&gt;課題&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Open lesson folder</source>
        <translation>授業フォルダを開く</translation>
    </message>
    <message>
        <source>No lessons</source>
        <translation>授業がありません</translation>
    </message>
    <message>
        <source>your number</source>
        <translation>あなたの答え（数値）</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>確かめる</translation>
    </message>
    <message>
        <source>{0} of {1} done</source>
        <translation>{1} 問中 {0} 問完了</translation>
    </message>
    <message>
        <source>Record a step first: Train → Step through one training step (T).</source>
        <translation>先に 1 ステップを記録してください：学習 → 学習 1 ステップをステップ実行（T）。</translation>
    </message>
    <message>
        <source>Type a number, e.g. −0.0123.</source>
        <translation>数値を入力してください（例：−0.0123）。</translation>
    </message>
    <message>
        <source>Right: {0}</source>
        <translation>正解：{0}</translation>
    </message>
    <message>
        <source>Not quite ({0} tries). Look at the step-through&apos;s numbers.</source>
        <translation>違います（{0} 回目）。ステップ実行の数値を見てみましょう。</translation>
    </message>
    <message>
        <source>Not quite. The arithmetic:</source>
        <translation>違います。計算は次のとおりです：</translation>
    </message>
</context>
<context>
    <name>LossView</name>
    <message>
        <source>log scale</source>
        <translation>対数目盛</translation>
    </message>
    <message>
        <source>x axis:</source>
        <translation>横軸:</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>誤差</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>学習誤差</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>テスト誤差</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>正解率</translation>
    </message>
    <message>
        <source>RMSE</source>
        <translation>RMSE</translation>
    </message>
    <message>
        <source>R²</source>
        <translation>R²</translation>
    </message>
    <message>
        <source>rows: true class · columns: predicted</source>
        <translation>行: 正解クラス · 列: 予測クラス</translation>
    </message>
    <message>
        <source>test loss (selected run)</source>
        <translation>テスト誤差 (選択中の実行)</translation>
    </message>
    <message>
        <source>{0}: L = {1}</source>
        <translation>{0}: L = {1}</translation>
    </message>
    <message>
        <source>{0} reached {1:g} % at step {2:,}</source>
        <translation>{0} はステップ {2:,} で {1:g} % に到達</translation>
    </message>
    <message>
        <source>{0} at step {2:,}</source>
        <translation>{0} はステップ {2:,}</translation>
    </message>
    <message>
        <source>{0} stopped: {1} (best {2})</source>
        <translation>{0} は停止: {1} (最高 {2})</translation>
    </message>
    <message>
        <source>{0} not yet (best {1})</source>
        <translation>{0} はまだ (最高 {1})</translation>
    </message>
    <message>
        <source>Final training loss — </source>
        <translation>最終的な訓練誤差 — </translation>
    </message>
    <message>
        <source>step {step}   epoch {epoch}   train loss {train}   test loss {test}</source>
        <translation>ステップ {step}   エポック {epoch}   学習誤差 {train}   テスト誤差 {test}</translation>
    </message>
    <message>
        <source>RMSE (all {0} outputs)</source>
        <translation>RMSE (出力 {0} 個すべて)</translation>
    </message>
    <message>
        <source>R² (all {0} outputs, pooled)</source>
        <translation>R² (出力 {0} 個をまとめて)</translation>
    </message>
    <message>
        <source>R² of each output alone: {0}</source>
        <translation>出力ごとの R²: {0}</translation>
    </message>
    <message>
        <source>output {0}: {1}</source>
        <translation>出力 {0}: {1}</translation>
    </message>
    <message>
        <source>Confusion matrix (test set)</source>
        <translation>混同行列 (テストデータ)</translation>
    </message>
    <message>
        <source>Confusion matrix (training set)</source>
        <translation>混同行列 (学習データ)</translation>
    </message>
    <message>
        <source>step</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>エポック</translation>
    </message>
    <message>
        <source>train</source>
        <translation>学習</translation>
    </message>
    <message>
        <source>test</source>
        <translation>テスト</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>nnviz — watch a neural network learn</source>
        <translation>nnviz — ニューラルネットワークの学習を見る</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <source>Optimiser arena</source>
        <translation>最適化法の比較</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>誤差曲面</translation>
    </message>
    <message>
        <source>GD, SGD, momentum, Nesterov, AdaGrad, RMSProp and Adam side by side on one contour plot: saddle points, ravines, learning rates</source>
        <translation>GD、SGD、モメンタム、Nesterov、AdaGrad、RMSProp、Adam を 1 枚の等高線図で比べる: 鞍点、谷、学習率</translation>
    </message>
    <message>
        <source>The network&apos;s own loss surface: slices through the weights, the Hessian, restarts from several initial values</source>
        <translation>ネットワーク自身の誤差曲面: 重み空間の断面、ヘッセ行列、いくつもの初期値からの再学習</translation>
    </message>
    <message>
        <source>Controls</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>Hidden features</source>
        <translation>隠れ層の特徴</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>誤差</translation>
    </message>
    <message>
        <source>Activation functions</source>
        <translation>活性化関数</translation>
    </message>
    <message>
        <source>Step-through</source>
        <translation>ステップ実行</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>学習(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Play / pause</source>
        <translation>再生 / 一時停止(&amp;P)</translation>
    </message>
    <message>
        <source>Train continuously, or pause</source>
        <translation>連続して学習、または一時停止</translation>
    </message>
    <message>
        <source>One &amp;step</source>
        <translation>1 ステップ進める(&amp;S)</translation>
    </message>
    <message>
        <source>One update w ← w − ε∇L on the next minibatch</source>
        <translation>次のミニバッチで 1 回更新 w ← w − ε∇L</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>リセット(&amp;R)</translation>
    </message>
    <message>
        <source>Back to the same initial weights, to replay with other settings</source>
        <translation>同じ重みの初期値に戻し、別の設定でやり直す</translation>
    </message>
    <message>
        <source>&amp;New weights</source>
        <translation>新しい重み(&amp;N)</translation>
    </message>
    <message>
        <source>Draw new initial weights (next seed)</source>
        <translation>新しい重みの初期値を引く (次のシード)</translation>
    </message>
    <message>
        <source>Step &amp;through one training step</source>
        <translation>学習 1 ステップをステップ実行(&amp;T)</translation>
    </message>
    <message>
        <source>Record one step — forward pass, output δ, δ recursion, gradients, update — and play it phase by phase</source>
        <translation>1 ステップ (順伝播、出力層の δ、δ の漸化式、勾配、更新) を記録し、段階ごとに再生</translation>
    </message>
    <message>
        <source>&amp;Gradient check</source>
        <translation>勾配チェック(&amp;G)</translation>
    </message>
    <message>
        <source>Compare backpropagation&apos;s gradient with central differences</source>
        <translation>誤差逆伝播法の勾配を中心差分と比べる</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>レイアウトを元に戻す(&amp;R)</translation>
    </message>
    <message>
        <source>Every panel back in its place and size; forget the saved layout</source>
        <translation>すべてのパネルを既定の位置と大きさに戻し、保存されたレイアウトを忘れる</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>文字を大きく(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;maller text</source>
        <translation>文字を小さく(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>標準の文字サイズ(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Presentation</source>
        <translation>プレゼンテーション(&amp;P)</translation>
    </message>
    <message>
        <source>Large text, the current tab on the whole screen; F5 again to leave</source>
        <translation>大きな文字で現在のタブを全画面に表示。もう一度 F5 で戻る</translation>
    </message>
    <message>
        <source>Presentation &amp;text size</source>
        <translation>プレゼンテーションの文字の大きさ(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>システムの設定に従う</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>プリセット(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About nnviz</source>
        <translation>nnviz について(&amp;A)</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>授業</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>授業(&amp;L)</translation>
    </message>
    <message>
        <source>The lecture&apos;s sections as lessons with tasks the app checks</source>
        <translation>講義の各節を、アプリが確かめる課題つきの授業として</translation>
    </message>
    <message>
        <source>epoch {0:.2f}</source>
        <translation>エポック {0:.2f}</translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation>ステップ {0}</translation>
    </message>
    <message>
        <source>loss: train {0:.4g}, test {1}</source>
        <translation>誤差: 学習 {0:.4g}、テスト {1}</translation>
    </message>
    <message>
        <source>{0:,.0f} steps/s</source>
        <translation>{0:,.0f} ステップ/秒</translation>
    </message>
    <message>
        <source>Stopped by the stop condition ({0}).</source>
        <translation>停止条件で停止しました ({0})。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>The language changes the next time nnviz starts.</source>
        <translation>言語は nnviz の次回起動時に切り替わります。</translation>
    </message>
    <message>
        <source>About nnviz</source>
        <translation>nnviz について</translation>
    </message>
    <message>
        <source>nnviz teaches the lecture “Neural Network の基礎”: watch a network learn, step through backpropagation, and compare optimisers.</source>
        <translation>nnviz は講義「Neural Network の基礎」の教材です: ネットワークの学習を見て、誤差逆伝播法をステップ実行し、最適化法を比べられます。</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>ガイド(&amp;G)</translation>
    </message>
    <message>
        <source>What each tab and panel shows, and what to try there</source>
        <translation>各タブと各パネルの表示内容と、そこで試せること</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>Edges: the weights wⱼᵢ⁽ˡ⁾. Units: the outputs zⱼ⁽ˡ⁾ = f(uⱼ⁽ˡ⁾) of the selected sample; for 2-D inputs, each unit&apos;s zⱼ⁽ˡ⁾ over the input plane.</source>
        <translation>エッジ: 重み wⱼᵢ⁽ˡ⁾。ユニット: 選んだサンプルの出力 zⱼ⁽ˡ⁾ = f(uⱼ⁽ˡ⁾)。2 次元入力では入力平面上での各ユニットの zⱼ⁽ˡ⁾。</translation>
    </message>
    <message>
        <source>weights w, outputs z</source>
        <translation>重み w、出力 z</translation>
    </message>
    <message>
        <source>Edge colours: orange negative, blue positive; thicker edges carry larger |values|.</source>
        <translation>エッジの色: オレンジは負、青は正。太いエッジほど |値| が大きい。</translation>
    </message>
    <message>
        <source>Colour by:</source>
        <translation>色分け:</translation>
    </message>
    <message>
        <source>Hover a unit or an edge to read its values; click an edge to set its weight.</source>
        <translation>ユニットやエッジにマウスを重ねると値を表示。エッジをクリックすると重みを設定。</translation>
    </message>
    <message>
        <source>Stepping through one training step: click a unit or an edge to see its formula with the numbers.</source>
        <translation>学習 1 ステップをステップ実行中: ユニットかエッジをクリックすると、数値入りの式を表示。</translation>
    </message>
    <message>
        <source>layer 1 (input)</source>
        <translation>第 1 層 (入力)</translation>
    </message>
    <message>
        <source>layer {0} (output)</source>
        <translation>第 {0} 層 (出力)</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>第 {0} 層</translation>
    </message>
    <message>
        <source>…+{0}</source>
        <translation>…+{0}</translation>
    </message>
    <message>
        <source>from unit i = {0} of layer {1} to unit j = {2} of layer {3}; click to set the weight</source>
        <translation>第 {1} 層のユニット i = {0} から第 {3} 層のユニット j = {2} へ。クリックで重みを設定</translation>
    </message>
    <message>
        <source>unit j = {0} of layer l = {1}</source>
        <translation>第 l = {1} 層のユニット j = {0}</translation>
    </message>
    <message>
        <source>(last minibatch)</source>
        <translation>(直前のミニバッチ)</translation>
    </message>
    <message>
        <source>Edges: the gradients ∂L/∂wⱼᵢ⁽ˡ⁾ = Σₙ δⱼ⁽ˡ⁾ zᵢ⁽ˡ⁻¹⁾ of the last step&apos;s minibatch. Units: the deltas δⱼ⁽ˡ⁾ = ∂Lₙ/∂uⱼ⁽ˡ⁾ that backpropagation sends back, of the selected training sample n.</source>
        <translation>辺: 直前のステップのミニバッチでの勾配 ∂L/∂wⱼᵢ⁽ˡ⁾ = Σₙ δⱼ⁽ˡ⁾ zᵢ⁽ˡ⁻¹⁾。ユニット: 選んだ学習サンプル n について、誤差逆伝播法が逆向きに伝える δⱼ⁽ˡ⁾ = ∂Lₙ/∂uⱼ⁽ˡ⁾。</translation>
    </message>
    <message>
        <source>gradients ∂L/∂w, deltas δ</source>
        <translation>勾配 ∂L/∂w、δ</translation>
    </message>
    <message>
        <source>of training sample n = {0}:</source>
        <translation>学習サンプル n = {0} の値:</translation>
    </message>
    <message>
        <source>Set a weight</source>
        <translation>重みの設定</translation>
    </message>
    <message>
        <source>New value of {0}:</source>
        <translation>{0} の新しい値:</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>順伝播</translation>
    </message>
    <message>
        <source>backward</source>
        <translation>逆伝播</translation>
    </message>
    <message>
        <source>gradient</source>
        <translation>勾配</translation>
    </message>
    <message>
        <source>update</source>
        <translation>更新</translation>
    </message>
</context>
<context>
    <name>OutputView</name>
    <message>
        <source>Click a training point to select that sample n.</source>
        <translation>学習データの点をクリックすると、そのサンプル n を選択。</translation>
    </message>
    <message>
        <source>Show test data</source>
        <translation>テストデータを表示</translation>
    </message>
    <message>
        <source>Show the held-out test data (diamonds); the network never trains on them, so they show how well it generalises.</source>
        <translation>取り分けたテストデータ (ひし形) を表示。学習には使わないので、汎化の度合いがわかる。</translation>
    </message>
    <message>
        <source>Discretize output</source>
        <translation>出力を離散化</translation>
    </message>
    <message>
        <source>Colour each point of the plane by the decided class (y &gt; 0.5, or the largest softmax output) instead of by y.</source>
        <translation>平面の各点を y ではなく判定したクラス (y &gt; 0.5、またはソフトマックス関数の出力が最大のクラス) で色分け。</translation>
    </message>
    <message>
        <source>The network has several outputs; the plot shows this one and its targets.</source>
        <translation>ネットワークには出力が複数あります。図はこの出力とその教師信号を表示します。</translation>
    </message>
    <message>
        <source>Output shown:</source>
        <translation>表示する出力:</translation>
    </message>
    <message>
        <source>Draw your own data: each click on the plot adds a training point of the chosen class.</source>
        <translation>自分でデータを描く: グラフをクリックするたびに、選んだクラスの学習データの点を追加。</translation>
    </message>
    <message>
        <source>Drawing needs data with 2 inputs, or 1 input and a numeric target.</source>
        <translation>描くには、入力が 2 つのデータ、または入力 1 つで教師信号が数値のデータが必要です。</translation>
    </message>
    <message>
        <source>class {0}</source>
        <translation>クラス {0}</translation>
    </message>
    <message>
        <source>Click to add a point; switch on Erase to remove points.</source>
        <translation>クリックで点を追加。「消去」をオンにすると点を削除。</translation>
    </message>
    <message>
        <source>Click a point to remove it.</source>
        <translation>点をクリックして削除。</translation>
    </message>
    <message>
        <source>Click to add a point (x, d).</source>
        <translation>クリックで点 (x, d) を追加。</translation>
    </message>
    <message>
        <source>Click to add a point with the value d.</source>
        <translation>クリックで値 d の点を追加。</translation>
    </message>
    <message>
        <source>Click to add points of {0}.</source>
        <translation>クリックで{0}の点を追加。</translation>
    </message>
    <message>
        <source>{0} train, {1} test</source>
        <translation>学習 {0}、テスト {1}</translation>
    </message>
    <message>
        <source>Added a point: {0}</source>
        <translation>点を追加: {0}</translation>
    </message>
    <message>
        <source>The last training point stays: training needs at least one. Draw another point first.</source>
        <translation>最後の学習データの点は残します: 学習には 1 点以上必要です。先に別の点を描いてください。</translation>
    </message>
    <message>
        <source>Removed a point: {0}</source>
        <translation>点を削除: {0}</translation>
    </message>
    <message>
        <source>All points removed: draw at least one training point to train on.</source>
        <translation>すべての点を削除しました: 学習するには学習データの点を 1 つ以上描いてください。</translation>
    </message>
    <message>
        <source>Draw data</source>
        <translation>データを描く</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>消去</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>全消去</translation>
    </message>
    <message>
        <source>Remove all points, training and test.</source>
        <translation>学習用もテスト用も、すべての点を削除。</translation>
    </message>
    <message>
        <source>The class of the points you draw.</source>
        <translation>描く点のクラス。</translation>
    </message>
    <message>
        <source>d = </source>
        <translation>d = </translation>
    </message>
    <message>
        <source>The target value d of the points you draw.</source>
        <translation>描く点の教師信号 d の値。</translation>
    </message>
    <message>
        <source>The data have {0} inputs: the points show the first two, x₁ and x₂; the output over the input plane needs 1 or 2 inputs</source>
        <translation>データの入力は {0} 個: 点は最初の 2 つ x₁, x₂ で描いています。入力平面上の出力を描くには入力が 1 つか 2 つ必要です</translation>
    </message>
    <message>
        <source>Background: the output y = P(class {0} | x), white at y = 0.5; line: the decision boundary y = 0.5</source>
        <translation>背景: 出力 y = P(クラス {0} | x)、y = 0.5 で白。線: 決定境界 y = 0.5</translation>
    </message>
    <message>
        <source>Background: the class k with the largest output y&lt;sub&gt;k&lt;/sub&gt;, paler where y&lt;sub&gt;k&lt;/sub&gt; is small</source>
        <translation>背景: 出力 y&lt;sub&gt;k&lt;/sub&gt; が最大のクラス k (y&lt;sub&gt;k&lt;/sub&gt; が小さい所ほど淡い)</translation>
    </message>
    <message>
        <source>Background: the output y on the same colours as the targets</source>
        <translation>背景: 教師信号と同じ色で表した出力 y</translation>
    </message>
    <message>
        <source>Blue line: the network output y(x); points: the data (x, d)</source>
        <translation>青線: ネットワークの出力 y(x)。点: データ (x, d)</translation>
    </message>
    <message>
        <source>Output shown: {0} ({1} of {2} outputs)</source>
        <translation>表示している出力: {0} ({2} 個中 {1} 番目)</translation>
    </message>
</context>
<context>
    <name>PlotItem</name>
    <message>
        <source>Plot Options</source>
        <translation>プロットの設定</translation>
    </message>
    <message>
        <source>Transforms</source>
        <translation>変換</translation>
    </message>
    <message>
        <source>Downsample</source>
        <translation>間引き</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>グリッド</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点</translation>
    </message>
</context>
<context>
    <name>PointLayer</name>
    <message>
        <source>● training data &amp;nbsp; ◆ test data &amp;nbsp; ◯ selected sample</source>
        <translation>● 学習データ &amp;nbsp; ◆ テストデータ &amp;nbsp; ◯ 選択中のサンプル</translation>
    </message>
    <message>
        <source>class {0}</source>
        <translation>クラス {0}</translation>
    </message>
    <message>
        <source>target d of {0}: {1} {2}</source>
        <translation>{0} の教師信号 d: {1} {2}</translation>
    </message>
    <message>
        <source>target d: {0} {1}</source>
        <translation>教師信号 d: {0} {1}</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>負</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>正</translation>
    </message>
</context>
<context>
    <name>StepThroughPanel</name>
    <message>
        <source>Record next step</source>
        <translation>次のステップを記録</translation>
    </message>
    <message>
        <source>Perform one real training step and follow sample n through it, phase by phase.</source>
        <translation>実際に学習を 1 ステップ行い、サンプル n を段階ごとに追う。</translation>
    </message>
    <message>
        <source>the minibatch&apos;s first</source>
        <translation>ミニバッチの先頭</translation>
    </message>
    <message>
        <source>The training sample n whose u, z and δ are followed; by default the first sample of the minibatch the step uses (for SGD, the sample n* it picked).</source>
        <translation>u, z, δ を追う学習サンプル n。既定ではそのステップが使うミニバッチの先頭のサンプル (SGD では選ばれたサンプル n*)。</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>勾配チェック</translation>
    </message>
    <message>
        <source>Compare backpropagation&apos;s gradient with central differences (L(w + h) − L(w − h)) / 2h.</source>
        <translation>誤差逆伝播法の勾配を中心差分 (L(w + h) − L(w − h)) / 2h と比べる。</translation>
    </message>
    <message>
        <source>Previous phase</source>
        <translation>前の段階</translation>
    </message>
    <message>
        <source>Next phase</source>
        <translation>次の段階</translation>
    </message>
    <message>
        <source>Play the phases</source>
        <translation>段階を順に再生</translation>
    </message>
    <message>
        <source> s/phase</source>
        <translation> 秒/段階</translation>
    </message>
    <message>
        <source>Seconds per phase while playing</source>
        <translation>再生中の 1 段階あたりの秒数</translation>
    </message>
    <message>
        <source>backprop agrees with central differences</source>
        <translation>誤差逆伝播法と中心差分は一致</translation>
    </message>
    <message>
        <source>backprop and central differences disagree</source>
        <translation>誤差逆伝播法と中心差分が一致しない</translation>
    </message>
    <message>
        <source>error max|g − n| / max|g| = {0} over a random sample of {1} of the {2} parameters — {3}</source>
        <translation>{2} 個のパラメータから無作為に選んだ {1} 個での誤差 max|g − n| / max|g| = {0} — {3}</translation>
    </message>
    <message>
        <source>error max|g − n| / max|g| = {0} over {1} parameters — {2}</source>
        <translation>{1} 個のパラメータでの誤差 max|g − n| / max|g| = {0} — {2}</translation>
    </message>
    <message>
        <source>phase {0} of {1}</source>
        <translation>段階 {0} / {1}</translation>
    </message>
    <message>
        <source>One training step, phase by phase</source>
        <translation>学習 1 ステップを段階ごとに</translation>
    </message>
    <message>
        <source>Press &lt;b&gt;Record next step&lt;/b&gt;: the app performs one real training step and follows sample n through it in the slides&apos; four steps — forward pass, output δ, δ recursion, gradients — and the update. Then step with ◀ ▶ or play them.</source>
        <translation>&lt;b&gt;次のステップを記録&lt;/b&gt; を押すと、実際に学習を 1 ステップ行い、サンプル n をスライドの 4 つの手順 (順伝播、出力層の δ、δ の漸化式、勾配) と更新に沿って追います。◀ ▶ で 1 段階ずつ進めるか、再生してください。</translation>
    </message>
    <message>
        <source>Click a unit or an edge in the network to see its formula with every term.</source>
        <translation>ネットワークのユニットかエッジをクリックすると、すべての項を書き出した式を表示。</translation>
    </message>
    <message>
        <source>training step t = {0} · sample n = {1} · minibatch B = {2} ({3}) · {4}: {5}</source>
        <translation>学習ステップ t = {0} · サンプル n = {1} · ミニバッチ B = {2} ({3}) · {4}: {5}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>チェック中…</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>diverged at step {0}</source>
        <translation>ステップ {0} で発散</translation>
    </message>
    <message>
        <source>epoch {0}</source>
        <translation>エポック {0}</translation>
    </message>
    <message>
        <source>L ≤ {0:g}</source>
        <translation>L ≤ {0:g}</translation>
    </message>
    <message>
        <source>Training paused: the loss became NaN or infinite. The learning rate ε is too large; the last finite weights were restored.</source>
        <translation>学習を一時停止: 誤差が NaN または無限大になりました。学習率 ε が大きすぎます。最後の有限な重みに戻しました。</translation>
    </message>
    <message>
        <source>{0}: the loss became NaN or infinite, so this run stopped (its last finite weights were restored); the other runs go on.</source>
        <translation>{0}: 誤差が NaN または無限大になったため、この実行は停止しました (最後の有限な重みに戻しました)。ほかの実行は続きます。</translation>
    </message>
    <message>
        <source>Step {0}, ε = {1:g}: the learning rate is too large.</source>
        <translation>ステップ {0}、ε = {1:g}: 学習率が大きすぎます。</translation>
    </message>
</context>
<context>
    <name>ViewBox</name>
    <message>
        <source>ViewBox options</source>
        <translation>表示の設定</translation>
    </message>
    <message>
        <source>View All</source>
        <translation>全体を表示</translation>
    </message>
    <message>
        <source>Mouse Mode</source>
        <translation>マウス操作</translation>
    </message>
    <message>
        <source>3 button</source>
        <translation>3 ボタン</translation>
    </message>
    <message>
        <source>1 button</source>
        <translation>1 ボタン</translation>
    </message>
    <message>
        <source>axis</source>
        <translation>軸</translation>
    </message>
</context>
<context>
    <name>_LayerRow</name>
    <message>
        <source>one unit fewer</source>
        <translation>ユニットを 1 つ減らす</translation>
    </message>
    <message>
        <source>n_l, the number of units: W^(l) has n_l rows</source>
        <translation>n_l: ユニット数。W^(l) は n_l 行</translation>
    </message>
    <message>
        <source>one unit more</source>
        <translation>ユニットを 1 つ増やす</translation>
    </message>
    <message>
        <source>activation f of this layer: z^(l) = f(u^(l))</source>
        <translation>この層の活性化関数 f: z^(l) = f(u^(l))</translation>
    </message>
    <message>
        <source>remove this layer</source>
        <translation>この層を削除</translation>
    </message>
</context>
<context>
    <name>formulas</name>
    <message>
        <source>sum over the B = {0} samples of the minibatch</source>
        <translation>ミニバッチの B = {0} 個のサンプルにわたる総和</translation>
    </message>
    <message>
        <source>mean over the B = {0} samples of the minibatch</source>
        <translation>ミニバッチの B = {0} 個のサンプルにわたる平均</translation>
    </message>
    <message>
        <source>Step 1 — forward pass, layer {0}</source>
        <translation>手順 1 — 順伝播、第 {0} 層</translation>
    </message>
    <message>
        <source>Loss of sample n</source>
        <translation>サンプル n の誤差</translation>
    </message>
    <message>
        <source>Step 2 — output δ</source>
        <translation>手順 2 — 出力層の δ</translation>
    </message>
    <message>
        <source>Step 3 — δ recursion, layer {0}</source>
        <translation>手順 3 — δ の漸化式、第 {0} 層</translation>
    </message>
    <message>
        <source>Step 4 — gradient, layer {0}</source>
        <translation>手順 4 — 勾配、第 {0} 層</translation>
    </message>
    <message>
        <source>Update, layer {0}</source>
        <translation>更新、第 {0} 層</translation>
    </message>
    <message>
        <source>The input layer passes sample n = {0} on unchanged.</source>
        <translation>入力層はサンプル n = {0} をそのまま渡す。</translation>
    </message>
    <message>
        <source>Each unit j of layer {0} weighs the outputs of layer {1} by w_ji, adds its bias b_j, then applies f.</source>
        <translation>第 {0} 層の各ユニット j は、第 {1} 層の出力に重み w_ji を掛けて足し、バイアス b_j を加えてから f を適用する。</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>恒等写像</translation>
    </message>
    <message>
        <source>y = z^(L) is the network&apos;s output.</source>
        <translation>y = z^(L) がネットワークの出力。</translation>
    </message>
    <message>
        <source>How far the output y is from the teacher signal d of sample n = {0} ({1}).</source>
        <translation>出力 y がサンプル n = {0} の教師信号 d からどれだけ離れているか ({1})。</translation>
    </message>
    <message>
        <source>Loss of the whole minibatch in this step: L = {0} ({1}), before the update.</source>
        <translation>このステップのミニバッチ全体の誤差 (更新前): L = {0} ({1})。</translation>
    </message>
    <message>
        <source>δ_j = ∂L_n/∂u_j: how much the loss changes when u_j changes.</source>
        <translation>δ_j = ∂L_n/∂u_j: u_j が変わると誤差がどれだけ変わるか。</translation>
    </message>
    <message>
        <source>({0}) is a matched output/loss pair, so the chain rule reduces to z − d.</source>
        <translation>({0}) は出力層と誤差関数が対応する組なので、連鎖律は z − d にまとまる。</translation>
    </message>
    <message>
        <source>softmax Jacobian</source>
        <translation>ソフトマックス関数のヤコビ行列</translation>
    </message>
    <message>
        <source>This output/loss pair is not matched: the general chain rule is in force, not δ = z − d.</source>
        <translation>この出力層と誤差関数の組は対応していない: δ = z − d ではなく一般の連鎖律を使う。</translation>
    </message>
    <message>
        <source>Each unit collects the δ of layer {0} through the weights it feeds, then multiplies by the slope f′ of its own activation: only local information.</source>
        <translation>各ユニットは、自分の出力が入る重みを通して第 {0} 層の δ を集め、自分の活性化関数の傾き f′ を掛ける: 局所的な情報だけで計算できる。</translation>
    </message>
    <message>
        <source>Every weight&apos;s gradient is the δ of the unit it feeds times the output of the unit it comes from.</source>
        <translation>各重みの勾配は、行き先のユニットの δ と出どころのユニットの出力の積。</translation>
    </message>
    <message>
        <source>Used by the update</source>
        <translation>更新に使う値</translation>
    </message>
    <message>
        <source>Sample n = {0} is not in this minibatch: its own gradient is shown to follow the recursion; the update uses the minibatch&apos;s.</source>
        <translation>サンプル n = {0} はこのミニバッチに含まれない: 漸化式をたどるためにこのサンプル自身の勾配を示すが、更新にはミニバッチの勾配を使う。</translation>
    </message>
    <message>
        <source>after</source>
        <translation>更新後</translation>
    </message>
    <message>
        <source>before</source>
        <translation>更新前</translation>
    </message>
    <message>
        <source>The momentum term μ v keeps part of the last change: the inertia of the heavy ball.</source>
        <translation>モメンタム項 μ v は前回の変化の一部を引き継ぐ: 重い球の慣性。</translation>
    </message>
    <message>
        <source>The {0} rule scales each weight&apos;s step by its own history, so the change is not simply −ε ∂L/∂W (ε = {1}).</source>
        <translation>{0} の更新則は各重みの更新幅をその重み自身の履歴で調整するので、変化は単なる −ε ∂L/∂W にはならない (ε = {1})。</translation>
    </message>
    <message>
        <source>The biases b are updated by the same rule.</source>
        <translation>バイアス b も同じ規則で更新される。</translation>
    </message>
    <message>
        <source>The input layer has no δ: ∂L/∂w of the weights leaving it uses its outputs z = x.</source>
        <translation>入力層に δ はない: 入力層から出る重みの ∂L/∂w には、その出力 z = x を使う。</translation>
    </message>
    <message>
        <source>Unit j = {0} of layer {1}</source>
        <translation>第 {1} 層のユニット j = {0}</translation>
    </message>
    <message>
        <source>Inputs are data, not parameters: nothing to update.</source>
        <translation>入力はデータでありパラメータではない: 更新するものはない。</translation>
    </message>
    <message>
        <source>Weight from unit i = {0} of layer {1} to unit j = {2} of layer {3}</source>
        <translation>第 {1} 層のユニット i = {0} から第 {3} 層のユニット j = {2} への重み</translation>
    </message>
    <message>
        <source>its term in</source>
        <translation>この項を含む式:</translation>
    </message>
    <message>
        <source>penalty included</source>
        <translation>正則化項を含む</translation>
    </message>
    <message>
        <source>logistic σ</source>
        <translation>ロジスティック関数 σ</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>ソフトマックス関数</translation>
    </message>
</context>
<context>
    <name>record</name>
    <message>
        <source>Record an animation</source>
        <translation>アニメーションを録画</translation>
    </message>
    <message>
        <source>the current tab, while it trains</source>
        <translation>現在のタブ(学習中)</translation>
    </message>
    <message>
        <source>the whole window, while it trains</source>
        <translation>ウィンドウ全体(学習中)</translation>
    </message>
    <message>
        <source>the step-through&apos;s phases, one after another</source>
        <translation>ステップ実行の各段階を順に</translation>
    </message>
    <message>
        <source>animated GIF</source>
        <translation>アニメーション GIF</translation>
    </message>
    <message>
        <source>MP4 video</source>
        <translation>MP4 動画</translation>
    </message>
    <message>
        <source>MP4 video — needs: pip install &apos;nnviz[video]&apos;</source>
        <translation>MP4 動画 — 必要: pip install &apos;nnviz[video]&apos;</translation>
    </message>
    <message>
        <source> frames/s</source>
        <translation> フレーム/秒</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Record…</source>
        <translation>録画…</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>録画</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Frame rate</source>
        <translation>フレームレート</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>長さ</translation>
    </message>
    <message>
        <source>{0} frames</source>
        <translation>{0} フレーム</translation>
    </message>
    <message>
        <source>animated GIF (*.gif)</source>
        <translation>アニメーション GIF (*.gif)</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 動画 (*.mp4)</translation>
    </message>
    <message>
        <source>Step through a training step first (Train → Step through one training step), then record its phases.</source>
        <translation>先に学習の 1 ステップをステップ実行してから(学習 → 学習 1 ステップをステップ実行)、その段階を録画してください。</translation>
    </message>
    <message>
        <source>■ Stop recording ({0} of {1} frames)</source>
        <translation>■ 録画を停止({1} フレーム中 {0})</translation>
    </message>
    <message>
        <source>End the recording now and keep the frames recorded so far</source>
        <translation>録画をいま終え、ここまでのフレームを保存します</translation>
    </message>
    <message>
        <source>Recorded {0} frames to {1}</source>
        <translation>{0} フレームを {1} に録画しました</translation>
    </message>
</context>
<context>
    <name>worksheet</name>
    <message>
        <source>1. Forward pass: u = W z + b, z = f(u)</source>
        <translation>1. 順伝播: u = W z + b, z = f(u)</translation>
    </message>
    <message>
        <source>2. Error L_n of the sample</source>
        <translation>2. サンプルの誤差 L_n</translation>
    </message>
    <message>
        <source>3. Output layer: δ^(L)</source>
        <translation>3. 出力層: δ^(L)</translation>
    </message>
    <message>
        <source>4. Hidden layers: the δ recursion (backpropagation)</source>
        <translation>4. 隠れ層: δ の漸化式 (誤差逆伝播法)</translation>
    </message>
    <message>
        <source>5. Gradients ∂L_n/∂w = δ_j z_i</source>
        <translation>5. 勾配 ∂L_n/∂w = δ_j z_i</translation>
    </message>
    <message>
        <source>6. Updated weights</source>
        <translation>6. 更新後の重み</translation>
    </message>
    <message>
        <source>the {0} rule (its history is not on the sheet: compare with the key)</source>
        <translation>{0} の更新則 (その履歴はこのシートにないので解答と照らし合わせる)</translation>
    </message>
    <message>
        <source>The update uses the gradient of the whole minibatch (B = {0}), given beside each blank.</source>
        <translation>更新にはミニバッチ全体 (B = {0}) の勾配を使う。その値は各空欄の横に示す。</translation>
    </message>
    <message>
        <source>The update&apos;s gradient includes the weight penalty; it is given beside each blank.</source>
        <translation>更新に使う勾配は重みの正則化項を含む。その値は各空欄の横に示す。</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>サンプル</translation>
    </message>
    <message>
        <source>Teacher signal</source>
        <translation>教師信号</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隠れ層</translation>
    </message>
    <message>
        <source>output layer</source>
        <translation>出力層</translation>
    </message>
    <message>
        <source>error function</source>
        <translation>誤差関数</translation>
    </message>
    <message>
        <source>Output and error function are a matched pair: δ^(L) = z^(L) − d.</source>
        <translation>出力層と誤差関数は対応する組: δ^(L) = z^(L) − d.</translation>
    </message>
    <message>
        <source>Output and error function are not a matched pair: δ^(L) = f′(u^(L)) ⊙ ∂L_n/∂z^(L).</source>
        <translation>出力層と誤差関数は対応する組ではない: δ^(L) = f′(u^(L)) ⊙ ∂L_n/∂z^(L).</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <source>Weights and biases (not on the drawing: too many):</source>
        <translation>重みとバイアス (数が多いので図には記入しない):</translation>
    </message>
    <message>
        <source>Weights and biases (also on the drawing):</source>
        <translation>重みとバイアス (図にも記入):</translation>
    </message>
    <message>
        <source>Worksheet: backpropagation, one training step</source>
        <translation>演習: 誤差逆伝播法による 1 回の学習ステップ</translation>
    </message>
    <message>
        <source>Network {0}; training step {1}, sample n = {2}. Name: ____________________</source>
        <translation>ネットワーク {0}、学習ステップ {1}、サンプル n = {2}。 氏名: ____________________</translation>
    </message>
    <message>
        <source>Fill in the blanks, rounded to 4 decimals. Units are numbered from 1, layer 1 is the input layer.</source>
        <translation>空欄を埋めよ (小数第 4 位まで)。ユニットは 1 から数え、第 1 層が入力層である。</translation>
    </message>
    <message>
        <source>This network is larger than the sheet: the blanks cover the first {0} units of each layer and the weights from the first {1} units only; the key has the same.</source>
        <translation>このネットワークはシートに収まらないため、空欄は各層の最初の {0} ユニットと、最初の {1} ユニットからの重みに限る (解答も同じ)。</translation>
    </message>
    <message>
        <source>Answer key</source>
        <translation>解答</translation>
    </message>
    <message>
        <source>Network {0}; training step {1}, sample n = {2}.</source>
        <translation>ネットワーク {0}、学習ステップ {1}、サンプル n = {2}。</translation>
    </message>
    <message>
        <source>Worked out: one u and one δ</source>
        <translation>計算例: u と δ をひとつずつ</translation>
    </message>
    <message>
        <source>input layer</source>
        <translation>入力層</translation>
    </message>
    <message>
        <source>hidden layer</source>
        <translation>隠れ層</translation>
    </message>
    <message>
        <source>nnviz worksheet — page {0} of {1}</source>
        <translation>nnviz 演習 — {0} / {1} ページ</translation>
    </message>
</context>
<context>
    <name>presets</name>
    <message>
        <source>The slides&apos; worked example: 4 inputs, one hidden layer, identity output</source>
        <translation>スライドの例題: 入力 4 つ、隠れ層 1 つ、恒等写像の出力</translation>
    </message>
    <message>
        <source>The slides&apos; network: the δ of backpropagation gives the same gradient as central differences, and the error falls.</source>
        <translation>スライドのネットワーク: 誤差逆伝播法の δ から求めた勾配は中心差分と一致し、誤差は減っていく。</translation>
    </message>
    <message>
        <source>XOR needs a hidden layer</source>
        <translation>XOR には隠れ層が必要</translation>
    </message>
    <message>
        <source>With one hidden layer the network learns XOR: training accuracy reaches 95 %.</source>
        <translation>隠れ層が 1 つあれば XOR を学習できる: 訓練データの正解率が 95 % に達する。</translation>
    </message>
    <message>
        <source>XOR without a hidden layer cannot be learned</source>
        <translation>隠れ層なしでは XOR を学習できない</translation>
    </message>
    <message>
        <source>Without a hidden layer the boundary is a straight line: on XOR the accuracy never rises above 75 %.</source>
        <translation>隠れ層がないと境界は直線: XOR では正解率が 75 % を超えることはない。</translation>
    </message>
    <message>
        <source>Hand-made features φ(x): circles with x₁², x₂²</source>
        <translation>手作りの特徴 φ(x): x₁², x₂² で円を分ける</translation>
    </message>
    <message>
        <source>With the features x₁², x₂² a network without a hidden layer separates the circles: accuracy reaches 95 %.</source>
        <translation>特徴 x₁², x₂² を使えば、隠れ層のないネットワークでも円を分けられる: 正解率が 95 % に達する。</translation>
    </message>
    <message>
        <source>Spiral with tanh</source>
        <translation>tanh で渦巻き</translation>
    </message>
    <message>
        <source>Six hidden tanh layers learn the two spirals: training accuracy reaches 95 %.</source>
        <translation>tanh の隠れ層 6 つで 2 つの渦巻きを学習できる: 訓練データの正解率が 95 % に達する。</translation>
    </message>
    <message>
        <source>Regression of sin</source>
        <translation>sin の回帰</translation>
    </message>
    <message>
        <source>Regression with the identity output and squared error: 8 tanh units fit sin x (R² ≥ 0.9 on the test data).</source>
        <translation>恒等写像の出力と二乗誤差による回帰: tanh のユニット 8 つで sin x に当てはまる (テストデータで R² ≥ 0.9)。</translation>
    </message>
    <message>
        <source>K classes with softmax</source>
        <translation>ソフトマックス関数で K クラス識別</translation>
    </message>
    <message>
        <source>The softmax function with cross-entropy separates K = 4 classes: accuracy reaches 95 %.</source>
        <translation>ソフトマックス関数と交差エントロピーで K = 4 クラスを分けられる: 正解率が 95 % に達する。</translation>
    </message>
    <message>
        <source>The binary step passes no gradient</source>
        <translation>ステップ関数は勾配を伝えない</translation>
    </message>
    <message>
        <source>The binary step&apos;s derivative is 0: every hidden δ is exactly 0, so the hidden weights never change.</source>
        <translation>ステップ関数の導関数は 0: 隠れ層の δ はすべてちょうど 0 なので、隠れ層の重みは変わらない。</translation>
    </message>
    <message>
        <source>Sigmoid with squared error learns slowly</source>
        <translation>シグモイドと二乗誤差では学習が遅い</translation>
    </message>
    <message>
        <source>From the same start, the sigmoid with squared error needs several times as many steps as with cross-entropy to reach 95 %.</source>
        <translation>同じ初期値から始めても、シグモイドと二乗誤差では交差エントロピーの数倍のステップをかけないと 95 % に達しない。</translation>
    </message>
    <message>
        <source>σ + cross-entropy</source>
        <translation>σ + 交差エントロピー</translation>
    </message>
    <message>
        <source>σ + squared error</source>
        <translation>σ + 二乗誤差</translation>
    </message>
    <message>
        <source>Learning rate too large: oscillation</source>
        <translation>学習率が大きすぎる: 振動</translation>
    </message>
    <message>
        <source>With a learning rate ε that is too large the error oscillates: it rises on about half the steps and stays high, while a good ε lowers it on every step.</source>
        <translation>学習率 ε が大きすぎると誤差は振動する: 約半分のステップで増え、高いまま下がらない。適切な ε なら毎ステップ減る。</translation>
    </message>
    <message>
        <source>ε = 0.3</source>
        <translation>ε = 0.3</translation>
    </message>
    <message>
        <source>ε = 30 (too large)</source>
        <translation>ε = 30 (大きすぎる)</translation>
    </message>
    <message>
        <source>Learning rate too small: a crawl</source>
        <translation>学習率が小さすぎる: なかなか進まない</translation>
    </message>
    <message>
        <source>With a learning rate ε that is too small training crawls: it removes only a small part of the error a good ε removes in the same steps.</source>
        <translation>学習率 ε が小さすぎると学習はなかなか進まない: 同じステップ数で、適切な ε が減らす誤差のごく一部しか減らせない。</translation>
    </message>
    <message>
        <source>ε = 0.001 (too small)</source>
        <translation>ε = 0.001 (小さすぎる)</translation>
    </message>
    <message>
        <source>Momentum against plain SGD</source>
        <translation>モメンタムと普通の SGD の比較</translation>
    </message>
    <message>
        <source>From the same start with the same ε, momentum (μ = 0.9) reaches 95 % in at most half the steps of plain SGD.</source>
        <translation>同じ初期値・同じ ε から始めると、モメンタム (μ = 0.9) は普通の SGD の半分以下のステップで 95 % に達する。</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>momentum μ = 0.9</source>
        <translation>モメンタム μ = 0.9</translation>
    </message>
    <message>
        <source>Minibatches and epochs: GD, SGD and B = 10</source>
        <translation>ミニバッチとエポック: 勾配降下法、確率的勾配降下法、B = 10</translation>
    </message>
    <message>
        <source>Per epoch, SGD (B = 1) lowers the error most and gradient descent least; per step, gradient descent&apos;s error falls smoothly while SGD&apos;s is noisy.</source>
        <translation>エポックあたりでは SGD (B = 1) が最も誤差を減らし、勾配降下法が最も少ない。ステップあたりでは勾配降下法の誤差はなめらかに減り、SGD の誤差はばらつく。</translation>
    </message>
    <message>
        <source>GD (B = N)</source>
        <translation>GD (B = N)</translation>
    </message>
    <message>
        <source>SGD (B = 1)</source>
        <translation>SGD (B = 1)</translation>
    </message>
    <message>
        <source>B = 10</source>
        <translation>B = 10</translation>
    </message>
    <message>
        <source>A plateau next to a saddle point</source>
        <translation>鞍点のそばのプラトー</translation>
    </message>
    <message>
        <source>Started next to the saddle point w = 0 (very small initial weights), gradient descent lingers on a plateau of the error for hundreds of steps before it drops; from Xavier&apos;s initial weights it drops at once.</source>
        <translation>鞍点 w = 0 のそば (ごく小さな初期値) から始めると、勾配降下法は誤差のプラトーに数百ステップとどまってから下がる。Xavier の初期値からならすぐに下がる。</translation>
    </message>
    <message>
        <source>w⁰ ≈ 0 (small)</source>
        <translation>w⁰ ≈ 0 (小さい)</translation>
    </message>
    <message>
        <source>w⁰ Xavier</source>
        <translation>w⁰ Xavier</translation>
    </message>
    <message>
        <source>Hidden layers make the classes linearly separable</source>
        <translation>隠れ層でクラスが線形分離可能になる (線形化)</translation>
    </message>
    <message>
        <source>In the two units of the last hidden layer the two classes become separable by a straight line, the output unit&apos;s w^(L)ᵀz + b = 0: the network classifies every point by its side of it.</source>
        <translation>最後の隠れ層の 2 つのユニットの平面では、2 つのクラスが出力ユニットの直線 w^(L)ᵀz + b = 0 で分けられるようになる: ネットワークはどの点もこの直線のどちら側にあるかで識別する。</translation>
    </message>
    <message>
        <source>Local minima: the solution depends on the initial values</source>
        <translation>局所解: 解は初期値に依存する</translation>
    </message>
    <message>
        <source>Run restarts on the Loss landscape tab: ten runs from different initial weights all converge (‖∇L‖ ≤ 10⁻³), to several distinct solutions with different decision boundaries; only some reach the lowest error.</source>
        <translation>誤差曲面タブで「再学習を実行」: 異なる初期値からの 10 回の学習はすべて収束し (‖∇L‖ ≤ 10⁻³)、決定境界の異なるいくつかの局所解に分かれる。最も小さい誤差 (大域解の候補) に達するのは一部だけ。</translation>
    </message>
</context>
</TS>
