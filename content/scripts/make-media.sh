#!/usr/bin/env bash
# Regenerates the relaxation media library in content/media/ (audio, video, covers, catalog.json) from nothing but
# Debian tools: espeak-ng for the Mandarin voice, sox and ffmpeg for noise beds, tones, mixing and encoding.
#
#   bash content/scripts/make-media.sh
#
# Everything is synthesised here (no samples, no recordings), so the output is ours to license (CC0).
# Deterministic: noise sources use fixed seeds and encoders run bit-exact, so a second run rewrites identical bytes
# and git sees no change. The build happens in a temporary folder and replaces the old files only when it succeeded.
set -euo pipefail

SCRIPTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CONTENT_DIR=$(cd "$SCRIPTS_DIR/.." && pwd)
MEDIA_DIR=$CONTENT_DIR/media
VOICE_DIR=$SCRIPTS_DIR/voice
FONT=${XINAN_CJK_FONT:-/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}
# Plain `cmn` spells the pinyin of every character with English letters; only this voice speaks Mandarin.
VOICE=cmn-latn-pinyin
RATE=44100          # final sample rate of every MP3
SYNTH_RATE=22050    # bells and chimes have nothing above 11 kHz, so they are computed at half rate (twice as fast)
LFO_RATE=1000       # slow envelopes and drones (nothing above 500 Hz) are computed at this rate, then resampled
TARGET_LUFS=-18
MIN_SECONDS=185     # the product promises tracks of at least 180 s; keep a margin

log() { printf '[make-media] %s\n' "$*" >&2; }
die() { printf '[make-media] ERROR: %s\n' "$*" >&2; exit 1; }

check_tools() {
  local missing=() tool
  for tool in ffmpeg ffprobe sox soxi espeak-ng awk; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  if ((${#missing[@]})); then
    die "missing: ${missing[*]}. Install with: sudo apt-get install -y ffmpeg sox espeak-ng fonts-wqy-microhei"
  fi
  [[ -f $FONT ]] || die "CJK font not found at $FONT. Install with: sudo apt-get install -y fonts-wqy-microhei (or set XINAN_CJK_FONT)"
  espeak-ng --voices=cmn | grep -q "$VOICE" || die "espeak-ng has no $VOICE voice. Install with: sudo apt-get install -y espeak-ng espeak-ng-data"
  local encoders filters
  encoders=$(ffmpeg -hide_banner -encoders 2>/dev/null)
  filters=$(ffmpeg -hide_banner -filters 2>/dev/null)
  grep -q libmp3lame <<<"$encoders" || die "this ffmpeg cannot encode MP3 (libmp3lame). Install Debian's ffmpeg: sudo apt-get install -y ffmpeg"
  grep -q libx264 <<<"$encoders" || die "this ffmpeg cannot encode H.264 (libx264). Install Debian's ffmpeg: sudo apt-get install -y ffmpeg"
  grep -q ' drawtext ' <<<"$filters" || die "this ffmpeg has no drawtext filter (needs libfreetype). Install Debian's ffmpeg."
}

ff() { ffmpeg -hide_banner -nostdin -loglevel error -y "$@"; }
# -R seeds sox's random generators with a fixed number, so noise and dither repeat exactly.
sx() { sox -R -V1 "$@"; }
# Intermediate audio is 32-bit float: mixing never clips before the final limiter.
F32=(-e floating-point -b 32)
seconds() { soxi -V1 -D "$1"; }
calc() { awk "BEGIN { printf \"%.3f\", $1 }"; }

# Integrated loudness (EBU R128, LUFS) of a file. ebur128 measures the same as loudnorm's first pass, much faster.
loudness() {
  ffmpeg -hide_banner -nostdin -nostats -i "$1" -af ebur128=framelog=verbose -f null - 2>&1 |
    awk '$1 == "I:" { v = $2 } END { print v }'
}

# Pure gain to a loudness target. Linear on purpose: a dynamic normaliser would pump the quiet bed up between sentences.
level() { # in out lufs
  local gain
  gain=$(calc "$3 - ($(loudness "$1"))")
  ff -i "$1" -af "volume=${gain}dB" -c:a pcm_f32le "$2"
}

# Final stage for every track: loudness to TARGET_LUFS, a limiter 2 dB under full scale, fades, 64 kbps mono MP3.
master() { # in.wav out.mp3 title fade_in fade_out
  local in=$1 out=$2 title=$3 fade_in=$4 fade_out=$5 len gain
  len=$(seconds "$in")
  gain=$(calc "$TARGET_LUFS - ($(loudness "$in"))")
  ff -i "$in" \
    -af "volume=${gain}dB,alimiter=limit=0.79:level=0:attack=5:release=80:latency=1,afade=t=in:d=$fade_in,afade=t=out:st=$(calc "$len - $fade_out"):d=$fade_out,aresample=$RATE" \
    -map_metadata -1 -metadata title="$title" -metadata artist="心安驿站" -metadata album="心安驿站 · 放松音频" \
    -metadata genre="Relaxation" -metadata copyright="CC0 1.0 心安驿站" -metadata comment="made with espeak-ng, sox and ffmpeg: content/scripts/make-media.sh" \
    -c:a libmp3lame -b:a 64k -ar "$RATE" -ac 1 -id3v2_version 3 -write_xing 1 \
    -fflags +bitexact -flags:a +bitexact "$out"
}

# ---------------------------------------------------------------------------------------------------------------
# Voice: each script line is "SECONDS|text" (the line lasts at least SECONDS) or "-|text" (text, then a short gap).
# See voice/README.md. Leading and trailing silence of every utterance is trimmed, so counts land on the beat.
GAP=1.0
render_voice() { # key speed → $WORK/$key.voice.wav and $WORK/$key.transcript.txt
  local key=$1 speed=$2 n=0 line slot text seg len pad transcript="" list=()
  local src=$VOICE_DIR/$key.txt
  [[ -f $src ]] || die "no voice script $src"
  while IFS= read -r line || [[ -n $line ]]; do
    case $line in
      '#'*) continue ;;
      '') transcript+=$'\n'; continue ;;
    esac
    slot=${line%%|*}
    text=${line#*|}
    seg=$WORK/$key.seg$(printf %03d "$n").wav
    n=$((n + 1))
    if [[ -z $text ]]; then
      sx -n -r "$RATE" -c 1 "${F32[@]}" "$seg" trim 0 "$slot"
    else
      # amplitude 60: espeak-ng clips its own 16-bit output from about 80 up; level() sets the loudness later
      espeak-ng -v "$VOICE" -s "$speed" -p 40 -a 60 -w "$seg.tts.wav" "$text"
      sx "$seg.tts.wav" "${F32[@]}" "$seg.trim.wav" rate "$RATE" silence 1 0.02 0.3% reverse silence 1 0.02 0.3% reverse
      len=$(seconds "$seg.trim.wav")
      if [[ $slot == - ]]; then
        pad=$GAP
      else
        pad=$(calc "$slot - $len")
        if awk "BEGIN { exit !($pad < 0) }"; then
          log "warning: $key: \"$text\" takes ${len}s, longer than its ${slot}s slot"
          pad=0
        fi
      fi
      sx "$seg.trim.wav" "$seg" pad 0 "$pad"
      transcript+=$text
    fi
    list+=("$seg")
  done <"$src"
  sx "${list[@]}" "$WORK/$key.voice.dry.wav"
  # Warmth: no rumble, no harsh top, a small room around the voice, gentle compression so quiet syllables carry.
  sx "$WORK/$key.voice.dry.wav" "$WORK/$key.voice.wav" highpass 110 lowpass 6000 equalizer 3200 1.2q -3 \
    compand 0.01,0.25 -70,-70,-40,-34,-20,-16,0,-8 -2 reverb 20 60 40 100 0 -6
  # Blank lines in the script are paragraph breaks; nothing else is added to what the voice says.
  printf '%s' "$transcript" | awk 'NF { print }' >"$WORK/$key.transcript.txt"
}

# ---------------------------------------------------------------------------------------------------------------
# Beds and sounds. Each takes a duration in seconds and an output file (32-bit float WAV, mono).

# Soft air: brown noise with a faint pink shimmer, breathing very slowly.
bed_air() {
  ff -f lavfi -i "anoisesrc=c=brown:r=$RATE:a=0.5:d=$1:seed=101" -f lavfi -i "anoisesrc=c=pink:r=$RATE:a=0.5:d=$1:seed=102" \
    -filter_complex "[0]highpass=f=40,lowpass=f=380[a];[1]highpass=f=200,lowpass=f=1400,volume=0.12[b];[a][b]amix=inputs=2:normalize=0,aeval='val(0)*(0.8+0.2*sin(2*PI*t/13))'" \
    -c:a pcm_f32le "$2"
}

# A slow pentatonic drone on a root note (default 108 Hz = 432/4): root, fifth, octave, ninth, each swelling on its own.
bed_drone() { # seconds out [root]
  local f=${3:-108}
  local e="0.45*sin(2*PI*$f*t)*(0.7+0.3*sin(2*PI*t/11))"
  e+="+0.28*sin(2*PI*$f*1.5*t)*(0.6+0.4*sin(2*PI*t/17+1))"
  e+="+0.2*sin(2*PI*$f*2.003*t)*(0.5+0.5*sin(2*PI*t/23+2))"
  e+="+0.08*sin(2*PI*$f*2.25*t)*(0.5+0.5*sin(2*PI*t/29+3))"
  # the highest partial is 2.25 x root (< 300 Hz), so 2 kHz sampling is plenty before resampling
  ff -f lavfi -i "aevalsrc=exprs='$e':s=$((2 * LFO_RATE)):d=$1" -af "aresample=$RATE:resampler=soxr" -c:a pcm_f32le "$2.dry.wav"
  sx "$2.dry.wav" -r "$RATE" "$2" reverb 70 50 100 100 20
}

# Air and drone together, for the guided meditations.
bed_air_drone() { # seconds out root
  bed_air "$1" "$2.air.wav"
  bed_drone "$1" "$2.drone.wav" "$3"
  sx -m -v 1 "$2.air.wav" -v 0.6 "$2.drone.wav" "$2"
}

# Night: deep brown noise and a very low drone, almost still.
bed_night() {
  ff -f lavfi -i "anoisesrc=c=brown:r=$RATE:a=0.5:d=$1:seed=201" \
    -af "highpass=f=30,lowpass=f=300,aeval='val(0)*(0.85+0.15*sin(2*PI*t/19))'" -c:a pcm_f32le "$2.noise.wav"
  bed_drone "$1" "$2.drone.wav" 96
  sx -m -v 1 "$2.noise.wav" -v 0.35 "$2.drone.wav" "$2"
}

# One struck singing bowl (root, partials, long decay), for opening and closing a meditation.
bell_strike() { # out [freq]
  local f=${2:-220} e
  e="(1-exp(-t/0.004))*(sin(2*PI*$f*t)*exp(-t/3.2)+0.5*sin(2*PI*$f*2.01*t)*exp(-t/2)+0.3*sin(2*PI*$f*2.76*t)*exp(-t/1.1)+0.1*sin(2*PI*$f*5.4*t)*exp(-t/0.4))"
  ff -f lavfi -i "aevalsrc=exprs='$e':s=$SYNTH_RATE:d=10" -af "afade=t=out:st=8:d=2" -c:a pcm_f32le "$1.dry.wav"
  sx "$1.dry.wav" -r "$RATE" "$1" reverb 60 50 100 100 0 -3
}

# Rain: a steady hiss (filtered pink noise), a low rumble, and three streams of random drop clicks. The clicks are
# sparse random impulses ringing through narrow band-pass filters; random() in ffmpeg's evaluator is seeded per
# variable slot, so the drops fall in the same places on every run.
sound_rain() {
  local d=$1
  ff -f lavfi -i "anoisesrc=c=pink:r=$RATE:a=0.5:d=$d:seed=301" \
    -f lavfi -i "anoisesrc=c=brown:r=$RATE:a=0.5:d=$d:seed=302" \
    -f lavfi -i "aevalsrc=exprs='if(lt(random(0),0.0007),random(1)-0.5,0)':s=$RATE:d=$d" \
    -f lavfi -i "aevalsrc=exprs='if(lt(random(2),0.0003),random(3)-0.5,0)':s=$RATE:d=$d" \
    -f lavfi -i "aevalsrc=exprs='if(lt(random(4),0.00008),random(5)-0.5,0)':s=$RATE:d=$d" \
    -filter_complex "[0]highpass=f=700,lowpass=f=7500,volume=0.30[hiss];[1]highpass=f=35,lowpass=f=220,volume=0.5[rumble];[2]bandpass=f=3400:width_type=q:w=6,volume=3.5[d1];[3]bandpass=f=2100:width_type=q:w=9,volume=4[d2];[4]bandpass=f=1200:width_type=q:w=12,volume=4[d3];[hiss][rumble][d1][d2][d3]amix=inputs=5:normalize=0,aeval='val(0)*(0.85+0.15*sin(2*PI*t/37))'" \
    -c:a pcm_f32le "$2"
}

# Ocean: brown noise swelling with irregular waves (the wave period drifts between about 8 and 12 s), bright foam
# that follows the crest, and a constant deep undertow.
sound_ocean() {
  local d=$1 wave
  wave="(0.12+0.88*pow(0.5+0.5*sin(2*PI*t/10+1.6*sin(2*PI*t/53)),2.2)*(0.75+0.25*sin(2*PI*t/71)))"
  # The envelopes are computed at LFO_RATE and resampled: evaluating them per audio sample would be 40x slower.
  ff -f lavfi -i "anoisesrc=c=brown:r=$RATE:a=0.5:d=$d:seed=401" \
    -f lavfi -i "anoisesrc=c=pink:r=$RATE:a=0.5:d=$d:seed=402" \
    -f lavfi -i "anoisesrc=c=brown:r=$RATE:a=0.5:d=$d:seed=403" \
    -f lavfi -i "aevalsrc=exprs='$wave':s=$LFO_RATE:d=$d" \
    -f lavfi -i "aevalsrc=exprs='0.5*pow($wave,3)':s=$LFO_RATE:d=$d" \
    -filter_complex "[3]aresample=$RATE[we];[4]aresample=$RATE[fe];[0]highpass=f=60,lowpass=f=1000[b0];[b0][we]amultiply[body];[1]highpass=f=900,lowpass=f=6000[f0];[f0][fe]amultiply[foam];[2]highpass=f=25,lowpass=f=120,volume=0.35[deep];[body][foam][deep]amix=inputs=3:normalize=0" \
    -c:a pcm_f32le "$2"
}

# Warm brown noise for sleep: no events at all, only a slow rise and fall of about 1.5 dB.
sound_brown() {
  ff -f lavfi -i "anoisesrc=c=brown:r=$RATE:a=0.5:d=$1:seed=601" \
    -af "highpass=f=30,lowpass=f=520,aeval='val(0)*(0.84+0.16*sin(2*PI*t/23))'" -c:a pcm_f32le "$2"
}

# Slow chords in C pentatonic colours: sine and triangle tones with tremolo, a new chord every 9 s crossfading with
# the last, two soft melody notes on top of each, all in a large reverb. Built with sox synth. Chords alternate
# between two lanes (each: a 13 s chord, 5 s of silence), and the lanes are mixed 9 s apart: cheap overlap.
sound_chords() {
  local d=$1 i chord melody n lane c1 c2 c3 c4 m1 m2
  local chords=(
    "130.81 196.00 329.63 587.33|659.25 783.99"   # C
    "110.00 164.81 261.63 392.00|523.25 659.25"   # Am7
    "87.31 130.81 220.00 329.63|880.00 523.25"    # Fmaj7
    "98.00 146.83 220.00 293.66|587.33 880.00"    # Gsus2
    "110.00 164.81 261.63 392.00|659.25 587.33"   # Am7
    "87.31 130.81 220.00 329.63|523.25 440.00"    # Fmaj7
    "130.81 196.00 329.63 587.33|783.99 659.25"   # C
    "98.00 146.83 220.00 293.66|587.33 523.25"    # Gsus2
  )
  local lanes=([0]="" [1]="")
  n=$(awk "BEGIN { print int($d / 9) + 1 }")
  for ((i = 0; i < n; i++)); do
    chord=${chords[i % ${#chords[@]}]}
    melody=${chord#*|}
    chord=${chord%|*}
    read -r c1 c2 c3 c4 <<<"$chord"
    read -r m1 m2 <<<"$melody"
    # four tones in four channels of the null input, mixed down to one by remix
    sx -r "$SYNTH_RATE" -c 4 -n "${F32[@]}" "$2.c$i.wav" synth 13 sine "$c1" sine "$c2" triangle "$c3" sine "$c4" \
      remix - tremolo 0.2 25 fade q 4 13 5
    sx -n -r "$SYNTH_RATE" -c 1 "${F32[@]}" "$2.m$i.a.wav" synth 5 sine "$m1" fade p 0.03 5 4.5 vol 0.10 pad 2
    sx -n -r "$SYNTH_RATE" -c 1 "${F32[@]}" "$2.m$i.b.wav" synth 5 sine "$m2" fade p 0.03 5 4.5 vol 0.08 pad 6
    sx -m -v 1 "$2.c$i.wav" -v 1 "$2.m$i.a.wav" -v 1 "$2.m$i.b.wav" "$2.u$i.wav" pad 0 5
    lanes[i % 2]+="$2.u$i.wav "
  done
  # shellcheck disable=SC2086 # the lanes are space-separated lists of our own temporary file names
  sx ${lanes[0]} "$2.lane0.wav"
  # shellcheck disable=SC2086
  sx ${lanes[1]} "$2.lane1.wav" pad 9
  sx -m -v 1 "$2.lane0.wav" -v 1 "$2.lane1.wav" "$2.dry.wav" trim 0 "$d"
  sx "$2.dry.wav" -r "$RATE" "$2" highpass 50 reverb 85 40 100 100 30 gain -n -6
}

# Bells: two interleaved voices striking pentatonic notes (a bright one every 6.5 s, a low one every 9.75 s),
# each note ringing with bowl-like partials and fading to silence before the next. The note order is a fixed
# arithmetic sequence, not random, so the track is the same every time. Every fifth bright note rests.
sound_bells() {
  local d=$1 semis bell_a bell_b
  semis() { echo "if(eq($1,0),0,if(eq($1,1),2,if(eq($1,2),4,if(eq($1,3),7,if(eq($1,4),9,12)))))"; }
  # partials: var slots tau=$1 freq=$2 period=$3
  bell() { echo "(1-exp(-ld($1)/0.004))*(1-pow(ld($1)/$3,6))*(sin(2*PI*ld($2)*ld($1))*exp(-ld($1)/2.8)+0.45*sin(2*PI*ld($2)*2.0*ld($1))*exp(-ld($1)/1.6)+0.3*sin(2*PI*ld($2)*2.76*ld($1))*exp(-ld($1)/0.9)+0.12*sin(2*PI*ld($2)*5.4*ld($1))*exp(-ld($1)/0.35))"; }
  bell_a="st(0,t/6.5);st(1,floor(ld(0)));st(2,(ld(0)-ld(1))*6.5);st(3,mod(ld(1)*ld(1)*7+ld(1)*3,6));st(4,523.25*pow(2,$(semis 'ld(3)')/12));if(eq(mod(ld(1),5),4),0,(0.8+0.2*sin(ld(1)*1.7))*$(bell 2 4 6.5))"
  bell_b="st(5,max(t-3.25,0)/9.75);st(6,floor(ld(5)));st(7,(ld(5)-ld(6))*9.75);st(8,mod(ld(6)*5+2,6));st(9,261.63*pow(2,$(semis 'ld(8)')/12));gte(t,3.25)*$(bell 7 9 9.75)"
  ff -f lavfi -i "aevalsrc=exprs='0.35*($bell_a)+0.45*($bell_b)':s=$SYNTH_RATE:d=$d" -af "aresample=$RATE" -c:a pcm_f32le "$2.dry.wav"
  bed_drone "$d" "$2.drone.wav" 130.81
  sx -m -v 1 "$2.dry.wav" -v 0.25 "$2.drone.wav" "$2.mix.wav"
  sx "$2.mix.wav" -r "$RATE" "$2" reverb 80 50 100 100 10 gain -n -6
}

# ---------------------------------------------------------------------------------------------------------------
# Tracks

KEYS=()
declare -A TITLE CATEGORY GUIDED DESCRIPTION

# A guided track: the voice (with LEAD seconds of bed before it and TAIL after it) over a bed LU quieter.
guided() { # key speed bed_fn bed_lufs lead tail [bell]
  local key=$1 speed=$2 bed_fn=$3 bed_lufs=$4 lead=$5 tail=$6 bell=${7:-} vlen total bell_end inputs graph
  render_voice "$key" "$speed"
  level "$WORK/$key.voice.wav" "$WORK/$key.voice.lv.wav" -20
  # Listening proxies for the voice: the raw speech must not clip, and the levelled stem must carry real speech.
  local dry_max vmax vmean
  dry_max=$(max_volume "$WORK/$key.voice.dry.wav")
  vmax=$(max_volume "$WORK/$key.voice.lv.wav")
  vmean=$(mean_volume "$WORK/$key.voice.lv.wav")
  awk "BEGIN { exit !($dry_max < -0.2) }" || die "$key: the raw voice clips (peak $dry_max dBFS)"
  awk "BEGIN { exit !($vmax > -12 && $vmean > -40) }" || die "$key: the voice stem is nearly silent (peak $vmax dB, mean $vmean dB)"
  log "$key: voice peak ${dry_max} dBFS raw; levelled stem peak ${vmax} dB, mean ${vmean} dB"
  vlen=$(seconds "$WORK/$key.voice.lv.wav")
  total=$(calc "$lead + $vlen + $tail")
  if awk "BEGIN { exit !($total < $MIN_SECONDS) }"; then total=$MIN_SECONDS; fi
  $bed_fn "$total" "$WORK/$key.bed.wav" "${BED_ROOT:-108}"
  level "$WORK/$key.bed.wav" "$WORK/$key.bed.lv.wav" "$bed_lufs"
  inputs=(-i "$WORK/$key.bed.lv.wav" -i "$WORK/$key.voice.lv.wav")
  graph="[1]adelay=delays=$(calc "$lead * 1000"):all=1[v];[0][v]amix=inputs=2:normalize=0:duration=first"
  if [[ -n $bell ]]; then
    # A bowl opens the practice before the first word and closes it after the last.
    bell_strike "$WORK/$key.bell.wav" 196
    bell_end=$(calc "($lead + $vlen + 2) * 1000")
    inputs+=(-i "$WORK/$key.bell.wav" -i "$WORK/$key.bell.wav")
    graph="[1]adelay=delays=$(calc "$lead * 1000"):all=1[v];[2]adelay=delays=500:all=1,volume=0.5[b1];[3]adelay=delays=$bell_end:all=1,volume=0.5[b2];[0][v][b1][b2]amix=inputs=4:normalize=0:duration=first"
  fi
  ff "${inputs[@]}" -filter_complex "$graph" -c:a pcm_f32le "$WORK/$key.mix.wav"
  master "$WORK/$key.mix.wav" "$OUT/audio/$key.mp3" "${TITLE[$key]}" 3 "$(awk "BEGIN { print ($tail > 20 ? 20 : 6) }")"
}

# A track that is only a generated sound.
ambient() { # key sound_fn seconds
  local key=$1 fn=$2 d=$3
  $fn "$d" "$WORK/$key.raw.wav"
  master "$WORK/$key.raw.wav" "$OUT/audio/$key.mp3" "${TITLE[$key]}" 4 8
}

track() { # key category guided title description
  KEYS+=("$1")
  CATEGORY[$1]=$2
  GUIDED[$1]=$3
  TITLE[$1]=$4
  DESCRIPTION[$1]=$5
}

track breath-478 呼吸练习 true "4-7-8 呼吸练习" \
  "吸气四秒、保持七秒、呼气八秒，声音会陪你一起数。心慌或睡前，做上四轮，让身体慢慢松下来。"
track box-breathing 呼吸练习 true "方块呼吸" \
  "吸、停、呼、停，各四秒，像沿着正方形走一圈。紧张的时候，用它把注意力带回呼吸。"
track body-scan 身体扫描 true "身体扫描·从头到脚" \
  "让注意力像一束温和的光，从头顶慢慢移到脚尖。不需要改变什么，只是好好感受一下自己。"
track muscle-relaxation 身体扫描 true "渐进式肌肉放松" \
  "双手、肩膀和脸，先轻轻收紧五秒，再一下子放松。体会紧和松的不同，紧张时随时可以用。"
track mindful-breath 正念冥想 true "正念呼吸" \
  "钵声响起，把注意力放在一呼一吸上。走神了也没关系，每一次温柔地回来，就是练习。"
track loving-kindness 正念冥想 true "慈心冥想·善待自己" \
  "在心里默念几句温暖的话，先给自己，再给在乎的人。对别人宽容的你，也值得被温柔对待。"
track sleep-winddown 助眠 true "睡前放松·安然入睡" \
  "躺下来，跟着缓慢的声音放松全身。不用努力入睡，声音结束后，低低的背景音还会陪你一会儿。"
track sleep-brown-noise 助眠 false "柔和褐噪声" \
  "低沉、均匀、没有起伏的声音，像远处的风。可以盖住屋外的杂音，陪你安静地入睡。"
track nature-rain 自然声音 false "窗外细雨" \
  "细细的雨声和偶尔落下的水滴。听一会儿雨，让心里的事也慢慢停下来。"
track nature-ocean 自然声音 false "海浪轻拍" \
  "海浪一阵一阵涌来又退去。试着让呼吸跟上浪的节奏，吸气时浪来，呼气时浪走。"
track music-chords 音乐放松 false "慢和弦·五声音阶" \
  "几组柔和的和弦缓缓交替，上面飘着零星的音符。什么都不用做，只是听着就好。"
track music-bells 音乐放松 false "轻柔钵音" \
  "高低两组钵音错落响起，余音慢慢消散。适合静坐、发呆，或者给自己留一段安静的时间。"

build_tracks() {
  BED_ROOT=108 guided breath-478 145 bed_air -36 4 8
  BED_ROOT=98 guided box-breathing 145 bed_air_drone -36 4 8
  BED_ROOT=108 guided body-scan 145 bed_air_drone -36 5 10
  BED_ROOT=108 guided muscle-relaxation 145 bed_air -36 4 10
  BED_ROOT=108 guided mindful-breath 142 bed_air_drone -37 7 14 bell
  BED_ROOT=120 guided loving-kindness 142 bed_drone -36 5 12
  BED_ROOT=96 guided sleep-winddown 135 bed_night -34 6 30
  ambient sleep-brown-noise sound_brown 195
  ambient nature-rain sound_rain 190
  ambient nature-ocean sound_ocean 192
  ambient music-chords sound_chords 194
  ambient music-bells sound_bells 190
}

# ---------------------------------------------------------------------------------------------------------------
# Covers: a calm two-colour gradient per category, a soft circle with two rings, the title in WenQuanYi Micro Hei.
# A 64-colour palette keeps each PNG well under 40 KB.

declare -A COLOR_A COLOR_B
COLOR_A[呼吸练习]=0x8fd3d0; COLOR_B[呼吸练习]=0x2f7391
COLOR_A[身体扫描]=0xf6c6a8; COLOR_B[身体扫描]=0xb86a58
COLOR_A[正念冥想]=0xc9b9e6; COLOR_B[正念冥想]=0x5f4f96
COLOR_A[助眠]=0x5a5f9e; COLOR_B[助眠]=0x1a1d42
COLOR_A[自然声音]=0xaed9a0; COLOR_B[自然声音]=0x36704f
COLOR_A[音乐放松]=0xf3d59a; COLOR_B[音乐放松]=0xb0704a
COLOR_A[呼吸动画]=0x9cc7ec; COLOR_B[呼吸动画]=0x365f9a

make_cover() { # out title label variant (0 or 1: the second cover of a category has its gradient mirrored)
  local out=$1 title=$2 label=$3 x0=0 x1=400 circle
  if (($4 % 2)); then x0=400 x1=0; fi
  printf '%s' "$title" >"$WORK/cover.title.txt"
  printf '%s' "$label" >"$WORK/cover.label.txt"
  printf '%s' "心安驿站" >"$WORK/cover.brand.txt"
  circle="0.20*clip((78-hypot(X-200\,Y-170))/2\,0\,1)+0.30*clip(1-abs(hypot(X-200\,Y-170)-100)/1.2\,0\,1)+0.16*clip(1-abs(hypot(X-200\,Y-170)-122)/1.2\,0\,1)"
  ff -f lavfi -i "gradients=s=400x400:c0=${COLOR_A[$label]}:c1=${COLOR_B[$label]}:x0=$x0:y0=0:x1=$x1:y1=400:nb_colors=2:seed=1:speed=0.00001:r=1:d=1" \
    -vf "format=gbrp,geq=r='r(X\,Y)+(255-r(X\,Y))*($circle)':g='g(X\,Y)+(255-g(X\,Y))*($circle)':b='b(X\,Y)+(255-b(X\,Y))*($circle)',drawtext=fontfile=$FONT:textfile=$WORK/cover.label.txt:fontsize=22:fontcolor=white@0.9:x=(w-text_w)/2:y=16,drawtext=fontfile=$FONT:textfile=$WORK/cover.title.txt:fontsize=36:fontcolor=white:shadowcolor=black@0.3:shadowx=0:shadowy=2:x=(w-text_w)/2:y=292,drawtext=fontfile=$FONT:textfile=$WORK/cover.brand.txt:fontsize=16:fontcolor=white@0.75:x=(w-text_w)/2:y=358,split[a][b];[a]palettegen=max_colors=64:stats_mode=full[p];[b][p]paletteuse=dither=bayer:bayer_scale=3" \
    -frames:v 1 -fflags +bitexact -flags:v +bitexact "$out"
}

# ---------------------------------------------------------------------------------------------------------------
# Videos: 480x480 H.264 + AAC mono, 24 fps. Both are drawn with ffmpeg filters only.

VIDEO_SIZE=480
VIDEO_FPS=24
INTRO=3
OUTRO=3

# A static background and a soft glowing disc (with alpha) that the filters move or scale.
make_video_parts() {
  ff -f lavfi -i "gradients=s=${VIDEO_SIZE}x${VIDEO_SIZE}:c0=0x27506a:c1=0x14283d:x0=0:y0=0:x1=$VIDEO_SIZE:y1=$VIDEO_SIZE:nb_colors=2:seed=1:speed=0.00001:r=1:d=1" \
    -frames:v 1 "$WORK/video.bg.png"
  ff -f lavfi -i "color=c=black:s=400x400:d=1,format=rgba,geq=r=190:g=236:b=232:a='255*clip((196-hypot(X-200\,Y-200))/3\,0\,1)*(0.45+0.5*(1-hypot(X-200\,Y-200)/200))'" \
    -frames:v 1 "$WORK/video.disc.png"
  ff -f lavfi -i "color=c=black:s=32x32:d=1,format=rgba,geq=r=235:g=250:b=248:a='255*clip((15-hypot(X-15.5\,Y-15.5))/1.5\,0\,1)'" \
    -frames:v 1 "$WORK/video.dot.png"
}

# The audio under a breathing video: a quiet drone, a soft chime at every phase change (higher for breathing in),
# and a breath of noise that rises while breathing in and falls while breathing out.
# $2 is an expression for the seconds into the current phase, $3 the chime pitch, $4 the breath-noise envelope;
# all may use ld(0) = seconds into the cycle, and are 0 outside the exercise.
video_audio() { # seconds phase_time_expr chime_freq_expr noise_env_expr active_expr cycle_seconds out
  local d=$1 pt=$2 cf=$3 env=$4 active=$5 cycle=$6 out=$7 chime
  chime="st(0,mod(max(t-$INTRO,0),$cycle));st(1,$pt);st(2,$cf);($active)*0.5*(1-exp(-ld(1)/0.005))*(sin(2*PI*ld(2)*ld(1))*exp(-ld(1)/1.1)+0.3*sin(2*PI*ld(2)*2.76*ld(1))*exp(-ld(1)/0.45))"
  ff -f lavfi -i "aevalsrc=exprs='$chime':s=$SYNTH_RATE:d=$d" -af "aresample=$RATE" -c:a pcm_f32le "$WORK/v.chime.wav"
  ff -f lavfi -i "anoisesrc=c=pink:r=$SYNTH_RATE:a=0.5:d=$d:seed=701" \
    -af "highpass=f=200,lowpass=f=1600,aeval='st(0,mod(max(t-$INTRO,0),$cycle));val(0)*(0.05+($active)*($env))',aresample=$RATE" \
    -c:a pcm_f32le "$WORK/v.breath.wav"
  bed_drone "$d" "$WORK/v.drone.wav" 108
  sx -m -v 1 "$WORK/v.chime.wav" -v 0.9 "$WORK/v.breath.wav" -v 0.35 "$WORK/v.drone.wav" "$WORK/v.mix.wav" reverb 40 50 80
  local gain
  gain=$(calc "-20 - ($(loudness "$WORK/v.mix.wav"))")
  ff -i "$WORK/v.mix.wav" -af "volume=${gain}dB,alimiter=limit=0.7:level=0:latency=1,afade=t=in:d=2,afade=t=out:st=$(calc "$d - 3"):d=3" \
    -c:a pcm_f32le "$out"
}

encode_video() { # filter_script audio seconds out title
  ff -loop 1 -framerate "$VIDEO_FPS" -i "$WORK/video.bg.png" -loop 1 -framerate "$VIDEO_FPS" -i "$WORK/video.disc.png" \
    -loop 1 -framerate "$VIDEO_FPS" -i "$WORK/video.dot.png" -i "$2" \
    -filter_complex_script "$1" -map '[v]' -map 3:a -t "$3" \
    -c:v libx264 -preset slow -tune animation -crf 22 -maxrate 800k -bufsize 1600k -pix_fmt yuv420p -g $((VIDEO_FPS * 4)) -threads 2 \
    -c:a aac -b:a 64k -ac 1 -ar "$RATE" \
    -map_metadata -1 -metadata title="$5" -metadata copyright="CC0 1.0 心安驿站" \
    -movflags +faststart -fflags +bitexact -flags:v +bitexact -flags:a +bitexact "$4"
}

# Label helper for drawtext lines in a filter script (text is Chinese and spaces only, never quotes or colons).
label() { # text size y enable [color]
  printf "drawtext=fontfile=%s:text='%s':fontsize=%s:fontcolor=%s:x=(w-text_w)/2:y=%s:enable='%s'" \
    "$FONT" "$1" "$2" "${5:-white}" "$3" "$4"
}

# 4-7-8: the disc grows for 4 s (breathing in), stays for 7 s, shrinks for 8 s; four rounds.
video_478() {
  local cycle=19 rounds=4 d u c script=$WORK/v478.filter
  d=$((INTRO + cycle * rounds + OUTRO))
  u="(t-$INTRO)"
  c="mod($u\,$cycle)"
  local on="gte($u\,0)*lt($u\,$((cycle * rounds)))"
  # ease in-out on the way up and down; 150 px at rest, 340 px full
  local size="st(0\,mod(max(t-$INTRO\,0)\,$cycle)*lt(t-$INTRO\,$((cycle * rounds))));2*trunc((150+190*if(lt(ld(0)\,4)\,(1-cos(PI*ld(0)/4))/2\,if(lt(ld(0)\,11)\,1\,(1+cos(PI*(ld(0)-11)/8))/2)))/2)"
  {
    echo "[1:v]format=rgba,scale=w='$size':h='$size':eval=frame[disc];"
    echo "[0:v]format=rgba[bg];[bg][disc]overlay=x='(W-w)/2':y='(H-h)/2+5':eval=frame:format=rgb,"
    label "4-7-8 呼吸" 26 22 "1" "white@0.8"; echo ","
    label "跟着圆圈，慢慢呼吸" 30 350 "lt(t\,$INTRO)"; echo ","
    label "做得很好" 34 350 "gte($u\,$((cycle * rounds)))"; echo ","
    label "吸气 4 秒" 30 432 "$on*lt($c\,4)"; echo ","
    label "屏住 7 秒" 30 432 "$on*gte($c\,4)*lt($c\,11)"; echo ","
    label "呼气 8 秒" 30 432 "$on*gte($c\,11)"; echo ","
    local k
    for ((k = 1; k <= 8; k++)); do
      # the countdown inside the disc: 4..1, 7..1, 8..1
      label "$k" 64 '(h-text_h)/2+5' "$on*(eq(4-floor($c)\,$k)*lt($c\,4)+eq(11-floor($c)\,$k)*gte($c\,4)*lt($c\,11)+eq(19-floor($c)\,$k)*gte($c\,11))" "0x1d3b52"; echo ","
    done
    for ((k = 1; k <= rounds; k++)); do
      label "第 $k 轮 · 共 $rounds 轮" 18 48 "$on*eq(floor($u/$cycle)\,$((k - 1)))" "white@0.7"; echo ","
    done
    echo "format=yuv420p[v]"
  } >"$script"
  video_audio "$d" \
    "if(lt(ld(0),4),ld(0),if(lt(ld(0),11),ld(0)-4,ld(0)-11))" \
    "if(lt(ld(0),4),523.25,if(lt(ld(0),11),392,329.63))" \
    "if(lt(ld(0),4),0.45*ld(0)/4,if(lt(ld(0),11),0.45,0.45*(1-(ld(0)-11)/8)))" \
    "gte(t,$INTRO)*lt(t,$((INTRO + cycle * rounds)))" "$cycle" "$WORK/v478.wav"
  encode_video "$script" "$WORK/v478.wav" "$d" "$OUT/video/breathing-478.mp4" "4-7-8 呼吸动画"
}

# Box breathing: a dot travels round a square, one side per phase (up: breathe in, across: hold, down: breathe out,
# back: hold), 4 s each; the side being travelled lights up.
video_box() {
  local cycle=16 rounds=4 d u c script=$WORK/vbox.filter side=280 lo hi
  d=$((INTRO + cycle * rounds + OUTRO))
  lo=$(((VIDEO_SIZE - side) / 2))
  hi=$((lo + side))
  u="(t-$INTRO)"
  c="mod($u\,$cycle)"
  local on="gte($u\,0)*lt($u\,$((cycle * rounds)))"
  local pre="st(0\,mod(max(t-$INTRO\,0)\,$cycle)*lt(t-$INTRO\,$((cycle * rounds))));st(1\,floor(ld(0)/4));st(2\,mod(ld(0)\,4)/4);"
  local x="${pre}if(eq(ld(1)\,0)\,$lo\,if(eq(ld(1)\,1)\,$lo+$side*ld(2)\,if(eq(ld(1)\,2)\,$hi\,$hi-$side*ld(2))))-16"
  local y="${pre}if(eq(ld(1)\,0)\,$hi-$side*ld(2)\,if(eq(ld(1)\,1)\,$lo\,if(eq(ld(1)\,2)\,$lo+$side*ld(2)\,$hi)))-16"
  {
    echo "[0:v]format=rgba,"
    echo "drawbox=x=$lo:y=$lo:w=$side:h=$side:color=white@0.25:t=3,"
    # the lit side: left (in), top (hold), right (out), bottom (hold)
    echo "drawbox=x=$((lo - 2)):y=$lo:w=5:h=$side:color=0xbeece8@0.9:t=fill:enable='$on*lt($c\,4)',"
    echo "drawbox=x=$lo:y=$((lo - 2)):w=$side:h=5:color=0xbeece8@0.9:t=fill:enable='$on*gte($c\,4)*lt($c\,8)',"
    echo "drawbox=x=$((hi - 2)):y=$lo:w=5:h=$side:color=0xbeece8@0.9:t=fill:enable='$on*gte($c\,8)*lt($c\,12)',"
    echo "drawbox=x=$lo:y=$((hi - 2)):w=$side:h=5:color=0xbeece8@0.9:t=fill:enable='$on*gte($c\,12)'[bg];"
    echo "[2:v]format=rgba[dot];[bg][dot]overlay=x='$x':y='$y':eval=frame:format=rgb,"
    label "方块呼吸 4-4-4-4" 26 22 "1" "white@0.8"; echo ","
    label "跟着光点，慢慢呼吸" 26 '(h-text_h)/2' "lt(t\,$INTRO)"; echo ","
    label "做得很好" 34 '(h-text_h)/2' "gte($u\,$((cycle * rounds)))"; echo ","
    label "吸气 4 秒" 30 196 "$on*lt($c\,4)"; echo ","
    label "屏住 4 秒" 30 196 "$on*gte($c\,4)*lt($c\,8)"; echo ","
    label "呼气 4 秒" 30 196 "$on*gte($c\,8)*lt($c\,12)"; echo ","
    label "屏住 4 秒" 30 196 "$on*gte($c\,12)"; echo ","
    local k
    for ((k = 1; k <= 4; k++)); do
      label "$k" 56 244 "$on*eq(4-floor(mod($c\,4))\,$k)" "white@0.9"; echo ","
    done
    for ((k = 1; k <= rounds; k++)); do
      label "第 $k 轮 · 共 $rounds 轮" 18 428 "$on*eq(floor($u/$cycle)\,$((k - 1)))" "white@0.7"; echo ","
    done
    echo "format=yuv420p[v]"
  } >"$script"
  video_audio "$d" \
    "mod(ld(0),4)" \
    "if(lt(ld(0),4),523.25,if(lt(ld(0),8),392,if(lt(ld(0),12),329.63,392)))" \
    "if(lt(ld(0),4),0.45*ld(0)/4,if(lt(ld(0),8),0.45,if(lt(ld(0),12),0.45*(1-(ld(0)-8)/4),0)))" \
    "gte(t,$INTRO)*lt(t,$((INTRO + cycle * rounds)))" "$cycle" "$WORK/vbox.wav"
  encode_video "$script" "$WORK/vbox.wav" "$d" "$OUT/video/box-breathing.mp4" "方块呼吸动画"
}

VIDEO_KEYS=(breathing-478-video box-breathing-video)
declare -A VIDEO_FILE VIDEO_TITLE VIDEO_DESCRIPTION
VIDEO_FILE[breathing-478-video]=video/breathing-478.mp4
VIDEO_TITLE[breathing-478-video]="4-7-8 呼吸动画"
VIDEO_DESCRIPTION[breathing-478-video]="跟着圆圈呼吸：圆圈变大时吸气四秒，停住时屏住七秒，变小时呼气八秒，一共四轮。"
VIDEO_FILE[box-breathing-video]=video/box-breathing.mp4
VIDEO_TITLE[box-breathing-video]="方块呼吸动画"
VIDEO_DESCRIPTION[box-breathing-video]="光点沿着正方形走一圈：上行吸气，横走屏住，下行呼气，再横走屏住，每段四秒。"

# ---------------------------------------------------------------------------------------------------------------
# catalog.json, exactly in the shape of the content contract.

json_string() { # text → a JSON string literal (the texts hold no control characters except newlines)
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  s=${s//$'\n'/\\n}
  s=${s//$'\t'/\\t}
  printf '"%s"' "$s"
}

write_catalog() {
  local out=$OUT/catalog.json key i sep transcript
  {
    printf '{\n  "tracks": [\n'
    for i in "${!KEYS[@]}"; do
      key=${KEYS[i]}
      sep=$([[ $i -lt $((${#KEYS[@]} - 1)) ]] && echo , || true)
      if [[ ${GUIDED[$key]} == true ]]; then
        transcript=$(json_string "$(cat "$WORK/$key.transcript.txt")")
      else
        transcript=null
      fi
      printf '    {\n'
      printf '      "key": %s,\n' "$(json_string "$key")"
      printf '      "title": %s,\n' "$(json_string "${TITLE[$key]}")"
      printf '      "category": %s,\n' "$(json_string "${CATEGORY[$key]}")"
      printf '      "file": %s,\n' "$(json_string "audio/$key.mp3")"
      printf '      "cover": %s,\n' "$(json_string "covers/$key.png")"
      printf '      "description": %s,\n' "$(json_string "${DESCRIPTION[$key]}")"
      printf '      "guided": %s,\n' "${GUIDED[$key]}"
      printf '      "transcript": %s\n' "$transcript"
      printf '    }%s\n' "$sep"
    done
    printf '  ],\n  "videos": [\n'
    for i in "${!VIDEO_KEYS[@]}"; do
      key=${VIDEO_KEYS[i]}
      sep=$([[ $i -lt $((${#VIDEO_KEYS[@]} - 1)) ]] && echo , || true)
      printf '    {\n'
      printf '      "key": %s,\n' "$(json_string "$key")"
      printf '      "title": %s,\n' "$(json_string "${VIDEO_TITLE[$key]}")"
      printf '      "file": %s,\n' "$(json_string "${VIDEO_FILE[$key]}")"
      printf '      "cover": %s,\n' "$(json_string "covers/$key.png")"
      printf '      "description": %s\n' "$(json_string "${VIDEO_DESCRIPTION[$key]}")"
      printf '    }%s\n' "$sep"
    done
    printf '  ]\n}\n'
  } >"$out"
}

# ---------------------------------------------------------------------------------------------------------------
# Checks on what was built, before it replaces the library.

probe_audio() { # file field
  ffprobe -v error -select_streams a:0 -show_entries "stream=$2" -of default=nw=1:nk=1 "$1"
}

# Peak sample level in dBFS (astats: exact for float files, where volumedetect stops at 0 dB).
max_volume() {
  ffmpeg -hide_banner -nostdin -nostats -i "$1" -af astats=measure_perchannel=none -f null - 2>&1 |
    awk '/Peak level dB:/ { printf "%.1f\n", $NF }'
}
# Mean level in dB, silence included (volumedetect).
mean_volume() {
  ffmpeg -hide_banner -nostdin -nostats -i "$1" -af volumedetect -f null - 2>&1 | awk '/mean_volume:/ { print $(NF - 1) }'
}

verify() {
  local key f dur ch br
  for key in "${KEYS[@]}"; do
    f=$OUT/audio/$key.mp3
    dur=$(probe_audio "$f" duration)
    ch=$(probe_audio "$f" channels)
    br=$(probe_audio "$f" bit_rate)
    awk "BEGIN { exit !($dur >= 180) }" || die "$key is only ${dur}s"
    [[ $ch == 1 ]] || die "$key has $ch channels"
    [[ $br == 64000 ]] || die "$key is $br bit/s"
    [[ -s $OUT/covers/$key.png ]] || die "$key has no cover"
    awk "BEGIN { exit !($(max_volume "$f") < 0) }" || die "$key clips"
  done
  for key in "${VIDEO_KEYS[@]}"; do
    f=$OUT/${VIDEO_FILE[$key]}
    ffprobe -v error -select_streams v:0 -show_entries stream=codec_name -of default=nw=1:nk=1 "$f" | grep -q h264 || die "$f is not H.264"
    ff -v error -i "$f" -f null - || die "$f does not decode"
  done
  local cats
  cats=$(for key in "${KEYS[@]}"; do echo "${CATEGORY[$key]}"; done | sort | uniq -c | awk '$1 >= 2' | wc -l)
  [[ $cats == 6 ]] || die "every audio category needs at least two tracks"
}

main() {
  check_tools
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/xinan-media.XXXXXX")
  trap 'rm -rf "$WORK"' EXIT
  OUT=$WORK/out
  mkdir -p "$OUT/audio" "$OUT/video" "$OUT/covers"

  log "audio tracks"
  build_tracks
  log "videos"
  make_video_parts
  video_478
  video_box
  log "covers"
  local key i=0
  declare -A seen=()
  for key in "${KEYS[@]}"; do
    make_cover "$OUT/covers/$key.png" "${TITLE[$key]}" "${CATEGORY[$key]}" "${seen[${CATEGORY[$key]}]:-0}"
    seen[${CATEGORY[$key]}]=$((${seen[${CATEGORY[$key]}]:-0} + 1))
  done
  for key in "${VIDEO_KEYS[@]}"; do make_cover "$OUT/covers/$key.png" "${VIDEO_TITLE[$key]}" 呼吸动画 $((i++)); done
  write_catalog
  verify

  # Replace the generated parts of the library; README.md is written by hand and stays.
  mkdir -p "$MEDIA_DIR"
  rm -rf "$MEDIA_DIR/audio" "$MEDIA_DIR/video" "$MEDIA_DIR/covers"
  mv "$OUT/audio" "$OUT/video" "$OUT/covers" "$MEDIA_DIR/"
  mv "$OUT/catalog.json" "$MEDIA_DIR/catalog.json"
  log "done: $(du -sh "$MEDIA_DIR" | cut -f1) in $MEDIA_DIR"
}

# Sourcing the file (for a test) defines the functions without building anything.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then main "$@"; fi
