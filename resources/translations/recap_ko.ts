<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AttachmentStrip</name>
    <message>
        <location filename="../../recap/ui/attachment_strip.py" line="+175"/>
        <source>Add…</source>
        <translation>추가…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach pictures or files (also: paste or drop them)</source>
        <translation>그림이나 파일을 첨부해요 (붙여넣거나 끌어다 놓아도 돼요)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Insert into the Text</source>
        <translation>본문에 넣기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save As…</source>
        <translation>다른 이름으로 저장…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set Caption…</source>
        <translation>설명 달기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Pictures and files ({count})</source>
        <translation>그림과 파일 ({count})</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../recap/ui/backups_dialog.py" line="+33"/>
        <source>Restore from Backup</source>
        <translation>백업에서 복원</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copies of {name}, newest first. Restoring one keeps a copy of the library as it is now, so nothing is lost.</source>
        <translation>{name}의 백업 사본입니다(최신순). 복원할 때 현재 라이브러리의 사본을 따로 보관하므로 데이터가 사라지지 않습니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Events</source>
        <translation>행사 수</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved at</source>
        <translation>저장 시각</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Made</source>
        <translation>종류</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>daily</source>
        <translation>매일 자동</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before an upgrade</source>
        <translation>업그레이드 전</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before a restore</source>
        <translation>복원 전</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by hand</source>
        <translation>수동</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unreadable</source>
        <translation>읽을 수 없음</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restore</source>
        <translation>복원</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>There are no backups yet.</source>
        <translation>아직 백업이 없습니다.</translation>
    </message>
</context>
<context>
    <name>CalendarImport</name>
    <message>
        <location filename="../../recap/ui/calendar_import.py" line="+93"/>
        <location line="+26"/>
        <source>Import calendar</source>
        <translation>캘린더 가져오기</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Calendar files (*.ics)</source>
        <translation>캘린더 파일 (*.ics)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Events added from {file}: {added}. Already in the library: {skipped}.</source>
        <translation>{file}에서 행사 {added}개를 추가했어요. 이미 있던 행사: {skipped}개.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>… and {count} more.</source>
        <translation>… 외에도 {count}개 더 있어요.</translation>
    </message>
</context>
<context>
    <name>CalendarPanel</name>
    <message numerus="yes">
        <location filename="../../recap/ui/calendar_panel.py" line="+181"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… 외 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location line="+134"/>
        <source>All dates</source>
        <translation>모든 날짜</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>Previous month</source>
        <translation>이전 달</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Next month</source>
        <translation>다음 달</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show this month</source>
        <translation>이번 달 보기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>선택 해제</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show events on all dates</source>
        <translation>모든 날짜의 행사 보기</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <location filename="../../recap/domain/prepublish.py" line="+64"/>
        <source>the event</source>
        <translation>행사</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The post&apos;s title is {length} characters; the platform takes {most}.</source>
        <translation>글 제목이 {length}자예요. 이 플랫폼은 {most}자까지 받아요.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the event&apos;s title</source>
        <translation>행사 제목</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No tags.</source>
        <translation>태그가 없어요.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No category.</source>
        <translation>카테고리가 없어요.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+55"/>
        <source>talk {number} “{title}”</source>
        <translation>발표 {number} “{title}”</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>No speaker.</source>
        <translation>발표자가 없어요.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No notes.</source>
        <translation>메모가 없어요.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The impression is empty.</source>
        <translation>한줄평이 비어 있어요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your question “{question}” is still open.</source>
        <translation>내 질문 “{question}”이(가) 아직 풀리지 않았어요.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The link {url} has no label.</source>
        <translation>링크 {url}에 이름이 없어요.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The link address “{url}” is malformed.</source>
        <translation>링크 주소 “{url}”의 형식이 잘못됐어요.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the summary</source>
        <translation>요약</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>“{name}” is referred to but not attached.</source>
        <translation>“{name}”을(를) 가리키지만 첨부되어 있지 않아요.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>“{name}” is attached but never shown.</source>
        <translation>“{name}”이(가) 첨부됐지만 글 어디에도 보이지 않아요.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the pictures</source>
        <translation>사진</translation>
    </message>
</context>
<context>
    <name>CheckPanel</name>
    <message>
        <location filename="../../recap/ui/publish_panel.py" line="+67"/>
        <source>Click to go there in the editor</source>
        <translation>누르면 편집기에서 그곳으로 가요</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Before you publish: {count} things a reader would notice</source>
        <translation>올리기 전에: 독자가 알아챌 만한 것이 {count}개 있어요</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Before you publish: nothing a reader would notice.</source>
        <translation>올리기 전에: 독자가 알아챌 만한 문제가 없어요.</translation>
    </message>
</context>
<context>
    <name>Confirmation</name>
    <message>
        <location filename="../../recap/ui/confirm.py" line="+11"/>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../recap/ui/conflict_dialog.py" line="+38"/>
        <location line="+17"/>
        <source>Saved by someone else</source>
        <translation>다른 사람이 저장한 내용</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>“{what}” was saved by someone else while you were writing. Keep your text (edit it here to merge in what they wrote), or take theirs. The other fields follow the text you choose.</source>
        <translation>쓰는 동안 다른 사람이 “{what}”을(를) 저장했어요. 내 글을 남기거나(여기서 고쳐서 그쪽 내용과 직접 합칠 수 있어요), 그쪽 글을 가져오세요. 나머지 칸도 고른 쪽을 따라가요.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Yours (you can edit it)</source>
        <translation>내 글 (고칠 수 있어요)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save My Text</source>
        <translation>내 글 저장</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take Theirs</source>
        <translation>그쪽 글 가져오기</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Someone else deleted the event “{title}” while you were writing it. Your text was kept: it is a new event now (its pictures could not be kept).</source>
        <translation>작성하는 동안 다른 사람이 행사 “{title}”을(를) 삭제했습니다. 작성한 내용은 새 행사로 남겨 두었습니다(사진은 함께 남기지 못했습니다).</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Someone else deleted the talk “{title}” while you were writing it. Your text was kept: it is a new talk of this event now.</source>
        <translation>작성하는 동안 다른 사람이 발표 “{title}”을(를) 삭제했습니다. 작성한 내용은 그대로 남겨 이 행사의 새 발표로 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>CopyLibraryDialog</name>
    <message>
        <location filename="../../recap/ui/copy_library.py" line="+51"/>
        <source>Copy Library To</source>
        <translation>라이브러리 복사</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every event, with its talks, notes, Q&amp;A, links and tags, is copied into a new library. This library stays open here as it is.</source>
        <translation>모든 이벤트를 발표, 노트, Q&amp;A, 링크, 태그와 함께 새 라이브러리로 복사해요. 지금 열린 라이브러리는 그대로 열려 있어요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A new library &amp;file</source>
        <translation>새 라이브러리 파일(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An empty database on a PostgreSQL &amp;server</source>
        <translation>PostgreSQL 서버의 빈 데이터베이스(&amp;S)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a new .db file</source>
        <translation>새 .db 파일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The database must be empty (createdb makes one). Recap never keeps a password: the server&apos;s comes from ~/.pgpass or a libpq service file.</source>
        <translation>데이터베이스는 비어 있어야 해요(createdb로 만들 수 있어요). Recap은 비밀번호를 저장하지 않아요. 서버 비밀번호는 ~/.pgpass나 libpq 서비스 파일에서 가져와요.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop Copying</source>
        <translation>복사 중지</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the Copy</source>
        <translation>복사본 열기</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Nothing was copied.</source>
        <translation>아무것도 복사하지 않았어요.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copying stopped; nothing was kept.</source>
        <translation>복사를 멈췄어요. 복사한 내용은 남기지 않았어요.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Copied {events} events ({rows} rows in all) to {target}. Every table was counted on both sides: the counts match.</source>
        <translation>이벤트 {events}개(모두 {rows}행)를 {target}(으)로 복사했어요. 모든 테이블의 행 수를 양쪽에서 세어 보니 일치해요.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../recap/ui/crash.py" line="+42"/>
        <source>Recap ran into a problem</source>
        <translation>Recap에 문제가 발생했습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something unexpected went wrong. Everything saved before this moment is safe in your library. Please copy the details below into a bug report.</source>
        <translation>예기치 않은 오류가 발생했습니다. 지금까지 저장된 내용은 라이브러리에 안전하게 보관되어 있습니다. 아래 세부 정보를 복사하여 버그 보고서에 붙여 넣어 주세요.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy details</source>
        <translation>세부 정보 복사</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../recap/ui/empty_state.py" line="+14"/>
        <source>Welcome to Recap</source>
        <translation>Recap에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Keep your notes from meetups, conferences and study groups in one place:
each talk with its speaker, your impression, notes, Q&amp;A and sources.
Later, turn them into blog posts.</source>
        <translation>밋업, 콘퍼런스, 스터디 모임에서 적은 메모를 한곳에 보관합니다.
세션마다 발표자, 한줄평, 메모, 질의응답, 출처를 함께 기록하고
나중에 블로그 글로 옮길 수 있습니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Create my first event</source>
        <translation>첫 행사 만들기</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Explore the sample library</source>
        <translation>샘플 라이브러리 둘러보기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opens a separate library with example events; yours stays as it is.</source>
        <translation>예제 행사가 담긴 별도의 라이브러리를 엽니다. 내 라이브러리는 그대로 유지됩니다.</translation>
    </message>
</context>
<context>
    <name>EventAttachments</name>
    <message>
        <location filename="../../recap/ui/event_attachments.py" line="+282"/>
        <source>Insert pictures or files</source>
        <translation>그림이나 파일 넣기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pictures (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)</source>
        <translation>그림 (*.png *.jpg *.jpeg *.gif *.webp);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Save a copy</source>
        <translation>사본 저장</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Pictures and files</source>
        <translation>그림과 파일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write {path}: {reason}</source>
        <translation>{path}에 쓸 수 없어요: {reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rename</source>
        <translation>이름 바꾸기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New name (the notes that show it follow):</source>
        <translation>새 이름 (이 그림을 쓰는 메모도 함께 바뀌어요):</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Caption</source>
        <translation>설명</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caption (the text shown for the picture):</source>
        <translation>설명 (그림 대신 보여 줄 글):</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the notes of “{talk}”</source>
        <translation>“{talk}”의 메모</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the summary</source>
        <translation>요약</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{name}” is still shown in {places}. Delete it anyway? Those places will show a missing picture.</source>
        <translation>“{name}”은(는) 아직 {places}에서 쓰이고 있어요. 그래도 삭제할까요? 그 자리에는 없는 그림으로 표시돼요.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete “{name}”?</source>
        <translation>“{name}”을(를) 삭제할까요?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete picture or file</source>
        <translation>그림이나 파일 삭제</translation>
    </message>
</context>
<context>
    <name>EventEditor</name>
    <message>
        <location filename="../../recap/ui/event_editor.py" line="+87"/>
        <source>Your overall notes and impressions of the event, in markdown</source>
        <translation>행사 전반에 대한 메모와 소감 (마크다운)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No sessions yet.
Add one with + for each talk you attended.</source>
        <translation>아직 세션이 없습니다.
참석한 세션마다 + 버튼으로 추가하세요.</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+149"/>
        <source>Sessions</source>
        <translation>세션</translation>
    </message>
    <message>
        <location line="-148"/>
        <source>Summary</source>
        <translation>요약</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No event selected.
Pick one in the list, or create one with Ctrl+N.</source>
        <translation>선택한 행사가 없습니다.
목록에서 고르거나 Ctrl+N으로 새 행사를 만드십시오.</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>Sessions ({count})</source>
        <translation>세션 ({count})</translation>
    </message>
    <message>
        <location filename="../../recap/ui/session_commands.py" line="+26"/>
        <source>New session</source>
        <translation>새 세션</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Delete the session “{title}” with its notes, links and {count} Q&amp;A entries?</source>
        <translation>“{title}” 세션을 메모·링크·질의응답 {count}개와 함께 삭제하시겠습니까?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete the session “{title}” with its notes and links?</source>
        <translation>“{title}” 세션과 메모, 링크를 삭제하시겠습니까?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete session</source>
        <translation>세션 삭제</translation>
    </message>
</context>
<context>
    <name>EventForm</name>
    <message>
        <location filename="../../recap/ui/event_form.py" line="+72"/>
        <source>e.g. Build With AI in Songdo</source>
        <translation>예: Build With AI 송도</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>until</source>
        <translation>종료일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The event lasts several days</source>
        <translation>행사가 여러 날 진행됩니다</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a newsletter, a friend, a talk…</source>
        <translation>뉴스레터, 지인, 다른 발표…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>who wrote this recap</source>
        <translation>이 후기를 쓴 사람</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>blog category, e.g. TIL - 메모</source>
        <translation>블로그 카테고리 (예: TIL - 메모)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>tags, separated by commas</source>
        <translation>태그 (쉼표로 구분)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Venue</source>
        <translation>장소</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host</source>
        <translation>주최</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event page</source>
        <translation>행사 페이지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Found via</source>
        <translation>알게 된 경로</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>카테고리</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author</source>
        <translation>글쓴이</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Published</source>
        <translation>올린 곳</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>{platform} (draft)</source>
        <translation>{platform} (임시 저장)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>A title is required; the last saved one is kept until then.</source>
        <translation>제목이 필요합니다. 제목을 입력할 때까지 마지막으로 저장된 제목이 유지됩니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A title can be 300 characters at most.</source>
        <translation>제목은 최대 300자까지 입력할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The end date is before the start date; the saved dates are kept.</source>
        <translation>종료일이 시작일보다 앞섭니다. 저장된 날짜가 유지됩니다.</translation>
    </message>
</context>
<context>
    <name>EventList</name>
    <message>
        <location filename="../../recap/ui/event_list.py" line="+174"/>
        <source>1 event</source>
        <translation>행사 1개</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} events</source>
        <translation>행사 {count}개</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{shown} of {total} events</source>
        <translation>행사 {total}개 중 {shown}개</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing matches “{query}”</source>
        <translation>“{query}”에 대한 검색 결과가 없습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 event matches “{query}”</source>
        <translation>“{query}” 검색 결과: 행사 1개</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The newest {count} events matching “{query}”</source>
        <translation>“{query}” 검색 결과 중 최근 행사 {count}개</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} events match “{query}”</source>
        <translation>“{query}” 검색 결과: 행사 {count}개</translation>
    </message>
</context>
<context>
    <name>EventListModel</name>
    <message>
        <location filename="../../recap/ui/models.py" line="+165"/>
        <source>event</source>
        <translation>행사</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>session</source>
        <translation>세션</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Q&amp;A</source>
        <translation>질의응답</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Published on {platforms}</source>
        <translation>{platforms}에 올렸어요</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Where it matched</source>
        <translation>일치한 위치</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>제목</translation>
    </message>
</context>
<context>
    <name>EventPictures</name>
    <message>
        <location filename="../../recap/ui/event_pictures.py" line="+98"/>
        <source>{name} is not attached</source>
        <translation>{name}은(는) 첨부되어 있지 않아요</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{name} cannot be shown</source>
        <translation>{name}을(를) 보여 줄 수 없어요</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reading {name}…</source>
        <translation>{name} 읽는 중…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../recap/ui/export_dialog.py" line="+77"/>
        <location line="+206"/>
        <location filename="../../recap/ui/export_files.py" line="+35"/>
        <location line="+7"/>
        <source>Export as Blog Post</source>
        <translation>블로그 글로 내보내기</translation>
    </message>
    <message>
        <location line="-198"/>
        <source>This event: {title}</source>
        <translation>이 행사: {title}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This event</source>
        <translation>이 행사</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The one event in the list</source>
        <translation>목록의 행사 1개</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All {count} events in the list</source>
        <translation>목록의 행사 {count}개 모두</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>As typed (hard breaks)</source>
        <translation>입력한 그대로 (강제 줄바꿈)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown soft breaks</source>
        <translation>마크다운 소프트 줄바꿈</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>As typed: every line of a note shows as a line on the blog (markdown posts get a hard break, two trailing spaces). Soft: a single newline is a space.</source>
        <translation>입력한 그대로: 노트의 줄마다 블로그에서도 줄이 바뀌어요(마크다운 글에는 줄 끝에 공백 두 칸으로 강제 줄바꿈을 넣어요). 소프트: 줄바꿈 하나는 공백으로 보여요.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>End each post with the other exported posts of its category</source>
        <translation>각 글 끝에 같은 카테고리로 내보낸 다른 글 목록 붙이기</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Preview</source>
        <translation>미리보기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>소스</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copies the post as rich text (for blog editors) and as markdown</source>
        <translation>글을 서식 있는 텍스트(블로그 편집기용)와 마크다운으로 복사합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save…</source>
        <translation>저장…</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../recap/ui/export_files.py" line="-5"/>
        <location line="+8"/>
        <location line="+42"/>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile</source>
        <translation>프로필</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>형식</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line breaks</source>
        <translation>줄바꿈</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>{count} posts will be written into a folder you choose, one file per event, named by date and title (YYYY-MM-DD-title{extension}).</source>
        <translation>선택한 폴더에 글 {count}개를 행사마다 파일 하나씩 저장합니다. 파일 이름은 날짜와 제목으로 정해집니다(YYYY-MM-DD-제목{extension}).</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+8"/>
        <source>Export as Blog Post — copied</source>
        <translation>블로그 글로 내보내기 — 복사됨</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save calendar</source>
        <translation>달력 저장</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Calendars (*.ics)</source>
        <translation>달력 파일 (*.ics)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export posts into folder</source>
        <translation>글을 내보낼 폴더 선택</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save post</source>
        <translation>글 저장</translation>
    </message>
    <message>
        <location filename="../../recap/ui/export_files.py" line="-41"/>
        <source>Cannot write {path}: {reason}</source>
        <translation>{path}에 쓸 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export as Blog Post — saved</source>
        <translation>블로그 글로 내보내기 — 저장됨</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Exporting posts…</source>
        <translation>글을 내보내는 중…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Cancelled after {count} posts in {folder}.</source>
        <translation>글 {count}개를 {folder}에 저장한 뒤 취소되었습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrote {count} posts to {folder}.</source>
        <translation>{folder}에 글 {count}개를 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>ExportTarget</name>
    <message>
        <location filename="../../recap/export/targets.py" line="+57"/>
        <source>Markdown (Velog, GitHub)</source>
        <translation>마크다운 (Velog, GitHub)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Markdown for Jekyll (front matter)</source>
        <translation>Jekyll용 마크다운 (프런트 매터)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Markdown for Hugo (front matter)</source>
        <translation>Hugo용 마크다운 (프런트 매터)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>HTML (Tistory, WordPress)</source>
        <translation>HTML (Tistory, WordPress)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Calendar file (.ics): the events, no notes</source>
        <translation>달력 파일 (.ics): 행사만, 메모 없이</translation>
    </message>
</context>
<context>
    <name>LibraryFiles</name>
    <message>
        <location filename="../../recap/ui/library_files.py" line="+17"/>
        <source>Open a library</source>
        <translation>라이브러리 열기</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>Recap libraries (*.db)</source>
        <translation>Recap 라이브러리 (*.db)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Create a library</source>
        <translation>라이브러리 만들기</translation>
    </message>
</context>
<context>
    <name>LibrarySwitcher</name>
    <message>
        <location filename="../../recap/ui/start.py" line="+144"/>
        <location line="+18"/>
        <source>Cannot open the library</source>
        <translation>라이브러리를 열 수 없습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file was left as it is. What would you like to do?</source>
        <translation>파일은 변경되지 않았습니다. 어떻게 하시겠습니까?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore from Backup…</source>
        <translation>백업에서 복원…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Another Library…</source>
        <translation>다른 라이브러리 열기…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open or create a library</source>
        <translation>라이브러리 열기 또는 만들기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recap libraries (*.db)</source>
        <translation>Recap 라이브러리 (*.db)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Opening the library…</source>
        <translation>라이브러리를 여는 중…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Library in use</source>
        <translation>라이브러리 사용 중</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open it read-only?</source>
        <translation>읽기 전용으로 여시겠습니까?</translation>
    </message>
</context>
<context>
    <name>LinksEditor</name>
    <message>
        <location filename="../../recap/ui/links_editor.py" line="+39"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>표시 텍스트</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>+ Link</source>
        <translation>+ 링크</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>“{label}” needs an address; it is kept here, not saved yet.</source>
        <translation>“{label}”에 주소가 없어요. 여기에 그대로 두고, 주소를 넣으면 저장해요.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“{address}” would run code when clicked; posts leave this link out.</source>
        <translation>“{address}”는 누르면 코드를 실행하는 주소라서 글에는 넣지 않아요.</translation>
    </message>
</context>
<context>
    <name>LiveCapture</name>
    <message>
        <location filename="../../recap/ui/live_capture.py" line="+52"/>
        <source>Live Capture</source>
        <translation>현장 기록</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Notes on the talk, in markdown</source>
        <translation>발표 메모 (마크다운)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Answer (Tab)</source>
        <translation>답 (Tab)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+Return next talk · Ctrl+Shift+A audience question · Ctrl+Shift+O my question · Tab answer · Esc leave</source>
        <translation>Ctrl+Return 다음 발표 · Ctrl+Shift+A 청중 질문 · Ctrl+Shift+O 내 질문 · Tab 답 · Esc 나가기</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>No talk yet: Ctrl+Return starts one</source>
        <translation>아직 발표가 없어요: Ctrl+Return으로 시작하세요</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Next talk</source>
        <translation>다음 발표</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title:</source>
        <translation>제목:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>My question</source>
        <translation>내 질문</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Question</source>
        <translation>질문</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../recap/ui/window_banners.py" line="+44"/>
        <source>Read-only: this library is open in another Recap window.</source>
        <translation>읽기 전용: 이 라이브러리는 다른 Recap 창에서 열려 있습니다.</translation>
    </message>
    <message>
        <location filename="../../recap/ui/main_window.py" line="+115"/>
        <source>Opening the library…</source>
        <translation>라이브러리를 여는 중…</translation>
    </message>
    <message>
        <location filename="../../recap/ui/window_banners.py" line="-30"/>
        <source>You are exploring the sample library. Your own library is unchanged.</source>
        <translation>샘플 라이브러리를 둘러보는 중입니다. 내 라이브러리는 변경되지 않습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Back to my library</source>
        <translation>내 라이브러리로 돌아가기</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Read-only: your database role may read this library but not change it.</source>
        <translation>읽기 전용: 내 데이터베이스 역할은 이 라이브러리를 읽을 수만 있고 바꿀 수는 없어요.</translation>
    </message>
    <message>
        <location filename="../../recap/ui/window_actions.py" line="+77"/>
        <source>Anywhere</source>
        <translation>어디에도</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New Event</source>
        <translation>새 행사</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New Session</source>
        <translation>새 세션</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Picture or File…</source>
        <translation>그림 또는 파일…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete Event…</source>
        <translation>행사 삭제…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Find…</source>
        <translation>찾기…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next Event</source>
        <translation>다음 행사</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Previous Event</source>
        <translation>이전 행사</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show All Events</source>
        <translation>모든 행사 보기</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export as Blog Post…</source>
        <translation>블로그 글로 내보내기…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import Posts…</source>
        <translation>글 가져오기…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import Calendar…</source>
        <translation>캘린더 가져오기…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open Library…</source>
        <translation>라이브러리 열기…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New Library…</source>
        <translation>새 라이브러리…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preferences…</source>
        <translation>환경설정…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore from Backup…</source>
        <translation>백업에서 복원…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy Library To…</source>
        <translation>라이브러리 복사…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Explore the Sample Library</source>
        <translation>샘플 라이브러리 둘러보기</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Calendar and Tags</source>
        <translation>달력과 태그</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Event List</source>
        <translation>행사 목록</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preview Beside the Notes</source>
        <translation>미리보기를 메모 옆에</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preview Below the Notes</source>
        <translation>미리보기를 메모 아래에</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hide the Preview</source>
        <translation>미리보기 숨기기</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>My Questions…</source>
        <translation>내 질문…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Speakers…</source>
        <translation>발표자…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Live Capture</source>
        <translation>현장 기록</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Insert</source>
        <translation>넣기(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Go</source>
        <translation>이동(&amp;G)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Main</source>
        <translation>기본 도구 모음</translation>
    </message>
    <message>
        <location filename="../../recap/ui/main_window.py" line="+179"/>
        <source>All changes saved</source>
        <translation>모든 변경 사항이 저장되었습니다</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Library problem</source>
        <translation>라이브러리 문제</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>(cannot be read)</source>
        <translation>(읽을 수 없음)</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>The library is empty.</source>
        <translation>라이브러리에 행사가 없습니다.</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>Not saved yet: what you typed is kept here and saved in a moment.</source>
        <translation>아직 저장하지 못했어요. 입력한 내용은 여기 그대로 있고 잠시 뒤에 저장해요.</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>1 event in the library</source>
        <translation>라이브러리에 행사 1개가 있습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} events in the library</source>
        <translation>라이브러리에 행사 {count}개가 있습니다</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Unsaved changes</source>
        <translation>저장되지 않은 변경 사항</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Some changes cannot be saved yet (see the fields marked in red).
Close anyway and lose them?</source>
        <translation>일부 변경 사항을 아직 저장할 수 없습니다(빨간색으로 표시된 항목 참조).
변경 사항을 버리고 닫으시겠습니까?</translation>
    </message>
</context>
<context>
    <name>MarkPublishedDialog</name>
    <message>
        <location filename="../../recap/ui/publish_panel.py" line="+56"/>
        <source>Mark as Published</source>
        <translation>올린 곳 기록</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only a draft there so far</source>
        <translation>아직 임시 저장만 했어요</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Mark</source>
        <translation>기록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not Now</source>
        <translation>나중에</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Posted on</source>
        <translation>올린 곳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record where “{title}” was posted?</source>
        <translation>“{title}”을(를) 어디에 올렸는지 기록할까요?</translation>
    </message>
</context>
<context>
    <name>OccurrenceRangeDialog</name>
    <message>
        <location filename="../../recap/ui/calendar_import.py" line="-93"/>
        <source>Recurring events</source>
        <translation>반복 일정</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{file} has recurring events. Recap imports their occurrences between these two days:</source>
        <translation>{file}에 반복 일정이 있어요. 아래 두 날짜 사이에 있는 일정만 가져와요:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>From:</source>
        <translation>시작일:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To:</source>
        <translation>종료일:</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../recap/ui/preferences_dialog.py" line="+54"/>
        <source>Preferences</source>
        <translation>환경설정</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A new language shows after Recap restarts.</source>
        <translation>변경한 언어는 Recap을 다시 시작하면 적용됩니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Same as the system</source>
        <translation>시스템 설정과 동일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>밝은 테마</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>어두운 테마</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Long: {example}</source>
        <translation>긴 형식: {example}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Short: {example}</source>
        <translation>짧은 형식: {example}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. 김하늘</source>
        <translation>예: 김하늘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The author of the events you create</source>
        <translation>새로 만드는 행사의 글쓴이</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How long after you stop typing your notes are written to the library</source>
        <translation>입력을 멈춘 뒤 메모가 라이브러리에 저장되기까지의 시간</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>As typed: every line shows as a line</source>
        <translation>입력한 그대로: 줄마다 줄을 바꿔요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown soft breaks: a single newline is a space</source>
        <translation>마크다운 소프트 줄바꿈: 줄바꿈 하나는 공백으로 보여요</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>How the preview shows a single line break inside a paragraph; exports start with the same choice</source>
        <translation>문단 안의 줄바꿈 하나를 미리보기에서 어떻게 보여 줄지 정해요. 내보내기도 같은 설정으로 시작해요</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Open Another…</source>
        <translation>다른 라이브러리 열기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create New…</source>
        <translation>새로 만들기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the Default</source>
        <translation>기본 라이브러리 사용</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On a Server…</source>
        <translation>서버에 있는 라이브러리…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A team library in a PostgreSQL database, shared with others</source>
        <translation>다른 사람과 함께 쓰는 PostgreSQL 데이터베이스의 팀 라이브러리</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Appearance</source>
        <translation>모양</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+18"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Theme</source>
        <translation>테마</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates</source>
        <translation>날짜 형식</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Editing</source>
        <translation>편집</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your name</source>
        <translation>내 이름</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save after a pause of</source>
        <translation>자동 저장 대기 시간</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line breaks</source>
        <translation>줄바꿈</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export defaults</source>
        <translation>내보내기 기본값</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Format</source>
        <translation>형식</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Publishing Profiles…</source>
        <translation>게시 프로필…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Profiles</source>
        <translation>프로필</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Library</source>
        <translation>라이브러리</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+15"/>
        <source>Library on a server</source>
        <translation>서버에 있는 라이브러리</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>The PostgreSQL database&apos;s URL, such as
postgresql+psycopg://ana@db.example.org/recap or
postgresql+psycopg://ana@/recap?host=/run/postgresql

Recap never keeps a password: the server&apos;s comes from ~/.pgpass, a libpq service file (?service=name) or PGPASSWORD.</source>
        <translation>PostgreSQL 데이터베이스의 URL을 적어 주세요. 예:
postgresql+psycopg://ana@db.example.org/recap 또는
postgresql+psycopg://ana@/recap?host=/run/postgresql

Recap은 비밀번호를 저장하지 않아요. 서버 비밀번호는 ~/.pgpass, libpq 서비스 파일(?service=이름), PGPASSWORD에서 가져와요.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open now: {path}</source>
        <translation>현재 열린 라이브러리: {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After OK: the library in Recap&apos;s data folder</source>
        <translation>확인을 누르면 열 라이브러리: 데이터 폴더의 기본 라이브러리</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After OK: {path}</source>
        <translation>확인을 누르면 열 라이브러리: {path}</translation>
    </message>
</context>
<context>
    <name>ProfileBox</name>
    <message>
        <location filename="../../recap/ui/publish_panel.py" line="+40"/>
        <source>None (choose below)</source>
        <translation>없음 (아래에서 골라요)</translation>
    </message>
</context>
<context>
    <name>ProfilesEditor</name>
    <message>
        <location filename="../../recap/ui/profiles_editor.py" line="+38"/>
        <source>Publishing Profiles</source>
        <translation>게시 프로필</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate</source>
        <translation>복제</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{title}, {date}, {category} and {host} are filled in</source>
        <translation>{title}, {date}, {category}, {host} 자리에 행사 정보가 들어가요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As the format does</source>
        <translation>형식에 맞춰서</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In a folder beside the post</source>
        <translation>글 옆 폴더에</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the post&apos;s folder (Hugo page bundle)</source>
        <translation>글 폴더 안에 (Hugo 페이지 번들)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the site&apos;s assets (Jekyll)</source>
        <translation>사이트 assets 폴더에 (Jekyll)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inside the post</source>
        <translation>글 안에 넣어서</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>End posts with the other posts of their category</source>
        <translation>글 끝에 같은 카테고리의 다른 글 목록을 붙여요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No title heading (the platform shows the title)</source>
        <translation>제목 머리글 없이 (플랫폼이 제목을 보여줘요)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The name a post is recorded under when marked as published</source>
        <translation>게시됨으로 표시할 때 기록되는 플랫폼 이름</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>형식</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title pattern</source>
        <translation>제목 패턴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pictures</source>
        <translation>사진</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Longest title</source>
        <translation>제목 최대 길이</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published as</source>
        <translation>게시 플랫폼 이름</translation>
    </message>
</context>
<context>
    <name>QAEntryEditor</name>
    <message>
        <location filename="../../recap/ui/qa_editor.py" line="+68"/>
        <source>Audience question</source>
        <translation>청중 질문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My own question</source>
        <translation>내 질문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>해결됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was asked, or what you wonder</source>
        <translation>나온 질문, 또는 궁금한 점</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heard in the room, or found later</source>
        <translation>현장에서 들은 답, 또는 나중에 찾은 답</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Question</source>
        <translation>질문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer</source>
        <translation>답변</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Needs a question or an answer; not saved yet.</source>
        <translation>질문이나 답변이 필요합니다. 아직 저장되지 않았습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move up</source>
        <translation>위로 이동</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>아래로 이동</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete this entry</source>
        <translation>이 항목 삭제</translation>
    </message>
</context>
<context>
    <name>QAListEditor</name>
    <message>
        <location line="+70"/>
        <source>+ Audience question</source>
        <translation>+ 청중 질문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+ My question</source>
        <translation>+ 내 질문</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No Q&amp;A yet. Add what the audience asked, or your own questions to look into.</source>
        <translation>아직 질의응답이 없습니다. 청중이 한 질문이나 나중에 알아볼 내 질문을 추가하세요.</translation>
    </message>
</context>
<context>
    <name>QuestionsDialog</name>
    <message>
        <location filename="../../recap/ui/questions_dialog.py" line="+46"/>
        <source>My Questions</source>
        <translation>내 질문</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only open ones</source>
        <translation>아직 열린 것만</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All tags</source>
        <translation>모든 태그</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Filter by text…</source>
        <translation>글자로 거르기…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show more</source>
        <translation>더 보기</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>행사</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Talk</source>
        <translation>발표</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Question</source>
        <translation>질문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer</source>
        <translation>답</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved</source>
        <translation>해결</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>{count} open</source>
        <translation>열린 질문 {count}개</translation>
    </message>
</context>
<context>
    <name>RecapError</name>
    <message>
        <location filename="../../recap/domain/dates.py" line="+43"/>
        <source>The {field} {text!r} is not a time of the form HH:MM.</source>
        <translation>{field} {text!r}은(는) HH:MM 형식의 시각이 아니에요.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The {field} {text!r} is not a time of day.</source>
        <translation>{field} {text!r}은(는) 있을 수 없는 시각이에요.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The end date {end} is before the start date {start}.</source>
        <translation>종료일 {end}이(가) 시작일 {start}보다 앞섭니다.</translation>
    </message>
    <message>
        <location filename="../../recap/domain/tags.py" line="+13"/>
        <source>A tag must not be empty.</source>
        <translation>태그는 비워 둘 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../recap/domain/text.py" line="+17"/>
        <source>title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session title</source>
        <translation>세션 제목</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The {what} must not be empty.</source>
        <translation>{what}은 비워 둘 수 없습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The {what} is {length} characters long; 300 at most.</source>
        <translation>{what}이 {length}자입니다. 최대 300자까지 입력할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../recap/domain/validate.py" line="+92"/>
        <source>links[{index}].url: a link needs a URL.</source>
        <translation>links[{index}].url: 링크에는 URL이 필요합니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A Q&amp;A entry&apos;s kind is &apos;audience&apos; or &apos;own&apos;, not {kind!r}.</source>
        <translation>질의응답 항목의 종류는 &apos;audience&apos; 또는 &apos;own&apos;이어야 합니다({kind!r}은(는) 사용할 수 없습니다).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A Q&amp;A entry needs a question or an answer.</source>
        <translation>질의응답 항목에는 질문이나 답변이 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../recap/export/batch.py" line="+167"/>
        <location line="+65"/>
        <source>Cannot create the folder {folder}: {reason}.</source>
        <translation>{folder} 폴더를 만들 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>{folder} is not a folder.</source>
        <translation>{folder}은(는) 폴더가 아닙니다.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>{folder} leads outside {base}; nothing was written there.</source>
        <translation>{folder}은(는) {base} 밖으로 이어져요. 그곳에는 아무것도 쓰지 않았어요.</translation>
    </message>
    <message>
        <location line="-126"/>
        <location line="+151"/>
        <source>Cannot write {path}: {reason}.</source>
        <translation>{path}에 쓸 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <location filename="../../recap/export/file_names.py" line="+97"/>
        <source>“{name}” is not a plain file name inside {folder}.</source>
        <translation>“{name}”은(는) {folder} 안의 올바른 파일 이름이 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../recap/export/templates.py" line="+148"/>
        <source>The template {name} has an error on line {line}: {reason}</source>
        <translation>템플릿 {name}의 {line}번째 줄에 오류가 있습니다: {reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>There is no template {name}.</source>
        <translation>템플릿 {name}이(가) 없습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The template {name} in {folder} cannot be read: {reason}</source>
        <translation>{folder}에 있는 템플릿 {name}을(를) 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The template {name} failed: {reason}</source>
        <translation>템플릿 {name}을(를) 처리하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The template {name} failed on line {line}: {reason}</source>
        <translation>템플릿 {name}의 {line}번째 줄을 처리하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The template {name} was stopped: it reaches for something templates may not use ({reason}).</source>
        <translation>템플릿 {name}이(가) 템플릿에서 쓸 수 없는 것에 접근하려 해서 중단했습니다({reason}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The template {name} was stopped on line {line}: it reaches for something templates may not use ({reason}).</source>
        <translation>템플릿 {name}이(가) 템플릿에서 쓸 수 없는 것에 접근하려 해서 {line}번째 줄에서 중단했습니다({reason}).</translation>
    </message>
    <message>
        <location filename="../../recap/files.py" line="+16"/>
        <source>There is no file {path}.</source>
        <translation>{path} 파일이 없습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path} is a folder, not a file.</source>
        <translation>{path}은(는) 파일이 아니라 폴더입니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../recap/ui/event_attachments.py" line="-299"/>
        <location line="+113"/>
        <source>Cannot read {path}: {reason}.</source>
        <translation>{path}을(를) 읽을 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <location filename="../../recap/interchange/post_reader.py" line="+46"/>
        <source>{source}, line {line}</source>
        <translation>{source}, {line}번째 줄</translation>
    </message>
    <message>
        <location filename="../../recap/interchange/ics_event.py" line="+40"/>
        <location filename="../../recap/interchange/post_reader.py" line="+5"/>
        <source>{where}: {problem}</source>
        <translation>{where}: {problem}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{source}, VEVENT {index} (UID {uid})</source>
        <translation>{source}의 {index}번째 VEVENT (UID {uid})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{source}, VEVENT {index} (starting {start})</source>
        <translation>{source}의 {index}번째 VEVENT ({start} 시작)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{source}, VEVENT {index}</source>
        <translation>{source}의 {index}번째 VEVENT</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>{source}: X-WR-TIMEZONE {zone} is not a time zone Recap knows; UTC times are read in your own time zone.</source>
        <translation>{source}: X-WR-TIMEZONE의 {zone}은(는) Recap이 모르는 시간대예요. UTC 시각은 이 컴퓨터의 시간대로 읽어요.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{where} is cancelled; skipped.</source>
        <translation>{where}은(는) 취소된 일정이라 건너뛰었어요.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{where} has no title (SUMMARY); skipped.</source>
        <translation>{where}에 제목(SUMMARY)이 없어서 건너뛰었어요.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>its dates are out of range.</source>
        <translation>날짜가 다룰 수 있는 범위를 벗어나요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it has no start (DTSTART).</source>
        <translation>시작(DTSTART)이 없어요.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its start (DTSTART) {value} is not a date.</source>
        <translation>시작(DTSTART) {value}은(는) 날짜가 아니에요.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>its end (DTEND) {value} is not a date.</source>
        <translation>끝(DTEND) {value}은(는) 날짜가 아니에요.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>its DURATION {value} is not a duration.</source>
        <translation>DURATION {value}은(는) 기간이 아니에요.</translation>
    </message>
    <message>
        <location filename="../../recap/interchange/markdown_import.py" line="+64"/>
        <source>there is no title: a post starts with &apos;# Title&apos; or has a front matter title.</source>
        <translation>제목이 없습니다. 글은 &apos;# 제목&apos;으로 시작하거나 프런트 매터에 title이 있어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../recap/interchange/post_reader.py" line="+13"/>
        <source>the front matter that starts on line 1 is never closed with &apos;---&apos;.</source>
        <translation>1번째 줄에서 시작한 프런트 매터가 &apos;---&apos;로 닫히지 않았습니다.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source> (front matter line {line})</source>
        <translation> (프런트 매터 {line}번째 줄)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the front matter is not valid YAML{where}: {reason}</source>
        <translation>프런트 매터가 올바른 YAML이 아닙니다{where}: {reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the front matter holds a value YAML cannot read: {reason}</source>
        <translation>프런트 매터에 YAML로 읽을 수 없는 값이 있습니다: {reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the front matter must be a YAML mapping (key: value lines).</source>
        <translation>프런트 매터는 YAML 매핑(key: value 형식의 줄)이어야 합니다.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the front matter title must be text.</source>
        <translation>프런트 매터의 title은 텍스트여야 합니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the front matter {key} must be text or a list of texts.</source>
        <translation>프런트 매터의 {key}은(는) 텍스트나 텍스트 목록이어야 합니다.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the front matter date must be a date like 2024-04-13.</source>
        <translation>프런트 매터의 date는 2024-04-13 같은 날짜여야 합니다.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&apos;{label}&apos; appears twice in the header.</source>
        <translation>머리말에 &apos;{label}&apos; 항목이 두 번 있습니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>start time</source>
        <translation>시작 시각</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>there is no date: the header needs a line like &apos;- 일시: ...&apos; or &apos;- Date: ...&apos;.</source>
        <translation>날짜가 없습니다. 머리말에 &apos;- 일시: ...&apos; 또는 &apos;- Date: ...&apos; 줄이 있어야 합니다.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&apos;{value}&apos; is not a date like &apos;2024년 04월 13일 (토)&apos; or &apos;Sat, 13 Apr 2024&apos;.</source>
        <translation>&apos;{value}&apos;은(는) &apos;2024년 04월 13일 (토)&apos;나 &apos;Sat, 13 Apr 2024&apos; 같은 날짜가 아닙니다.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&apos;{value}&apos; is not a real calendar date.</source>
        <translation>&apos;{value}&apos;은(는) 달력에 없는 날짜입니다.</translation>
    </message>
    <message>
        <location filename="../../recap/interchange/markdown_import.py" line="+54"/>
        <source>a session heading must end with &apos;&gt;&apos;: &apos;## \&lt;Title - Speaker&gt;&apos;.</source>
        <translation>세션 제목 줄은 &apos;&gt;&apos;로 끝나야 합니다: &apos;## \&lt;제목 - 발표자&gt;&apos;.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a session heading needs a title.</source>
        <translation>세션 제목 줄에 제목이 필요합니다.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>expected a list item (&apos;- ...&apos;) here.</source>
        <translation>여기에는 목록 항목(&apos;- ...&apos;)이 와야 합니다.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>a Q&amp;A item starts with &apos;(Q&amp;A)&apos;, &apos;[ ]&apos; or &apos;[x]&apos;.</source>
        <translation>질의응답 항목은 &apos;(Q&amp;A)&apos;, &apos;[ ]&apos; 또는 &apos;[x]&apos;로 시작해야 합니다.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>a Q&amp;A item needs a question or an answer.</source>
        <translation>질의응답 항목에는 질문이나 답변이 필요합니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a link item must fit on one line.</source>
        <translation>링크 항목은 한 줄이어야 합니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected a link: &apos;[label](address)&apos; or &apos;&lt;address&gt;&apos;.</source>
        <translation>링크가 와야 합니다: &apos;[이름](주소)&apos; 또는 &apos;&lt;주소&gt;&apos;.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>session {number} (&apos;{title}&apos;): {problem}</source>
        <translation>{number}번째 세션(&apos;{title}&apos;): {problem}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{source}: the post is nested too deeply to read.</source>
        <translation>{source}: 글의 중첩이 너무 깊어 읽을 수 없습니다.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{path}: HTML posts cannot be imported; export the event as markdown and import that (or load a recap-json file).</source>
        <translation>{path}: HTML 글은 가져올 수 없어요. 행사를 마크다운으로 내보내서 그 파일을 가져오거나, recap-json 파일을 불러와 주세요.</translation>
    </message>
    <message>
        <location filename="../../recap/interchange/ics.py" line="+117"/>
        <source>it holds another VEVENT inside it.</source>
        <translation>안에 다른 VEVENT가 들어 있어요.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{where} repeats; give a date range (--from and --to) to import its occurrences.</source>
        <translation>{where}은(는) 반복 일정이에요. 가져올 기간(--from, --to)을 정해 주세요.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{source} holds no events.</source>
        <translation>{source}에 행사가 없어요.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{source} is larger than {limit} MB, too large for a calendar.</source>
        <translation>{source}은(는) {limit}MB보다 커서 캘린더 파일로 읽을 수 없어요.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../recap/interchange/markdown_import.py" line="-15"/>
        <source>{source}: the file is not UTF-8 text (byte {byte} cannot be read).</source>
        <translation>{source}: UTF-8 텍스트 파일이 아닙니다({byte}번째 바이트를 읽을 수 없음).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{source} is not an iCalendar file Recap can read: {reason}</source>
        <translation>{source}은(는) Recap이 읽을 수 있는 iCalendar 파일이 아니에요: {reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{source} ends before its calendar does: the file is cut short.</source>
        <translation>{source}은(는) 캘린더가 끝나기 전에 파일이 끝나요. 파일이 잘린 것 같아요.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{source} holds more than {limit} events; Recap imports fewer.</source>
        <translation>{source}에 행사가 {limit}개보다 많아요. Recap은 그보다 적은 수만 가져올 수 있어요.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{source} is not an iCalendar file (one starts with BEGIN:VCALENDAR).</source>
        <translation>{source}은(는) iCalendar 파일이 아니에요 (iCalendar 파일은 BEGIN:VCALENDAR로 시작해요).</translation>
    </message>
    <message>
        <location filename="../../recap/storage/backup.py" line="+73"/>
        <source>The backup must not overwrite the library itself.</source>
        <translation>백업으로 라이브러리 파일 자체를 덮어쓸 수는 없습니다.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{path} is a file, not a folder: backups cannot be kept there.</source>
        <translation>{path}은(는) 폴더가 아니라 파일이라서 백업을 둘 수 없어요.</translation>
    </message>
    <message>
        <location filename="../../recap/export/batch.py" line="-12"/>
        <location filename="../../recap/storage/backup.py" line="+80"/>
        <source>Cannot replace {path}: {reason}.</source>
        <translation>{path}을(를) 바꿀 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <location filename="../../recap/storage/engine.py" line="+30"/>
        <source>{path} is a folder, not a library file.</source>
        <translation>{path}은(는) 라이브러리 파일이 아니라 폴더입니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{path} is an empty file, not a Recap library (it was left as it is).</source>
        <translation>{path}은(는) 빈 파일이라 Recap 라이브러리가 아닙니다(파일은 그대로 두었습니다).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot read the library {path}: {reason}.</source>
        <translation>라이브러리 {path}을(를) 읽을 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{path} is not a Recap library (it is not an SQLite database).</source>
        <translation>{path}은(는) Recap 라이브러리가 아닙니다(SQLite 데이터베이스가 아님).</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>The folder {folder} does not exist.</source>
        <translation>{folder} 폴더가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../recap/storage/library.py" line="+47"/>
        <location filename="../../recap/storage/library_attachments.py" line="+48"/>
        <source>event</source>
        <translation>행사</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session</source>
        <translation>세션</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Q&amp;A entry</source>
        <translation>질의응답 항목</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Someone else saved this since you opened it; choose which text to keep.</source>
        <translation>연 뒤에 다른 사람이 이것을 저장했어요. 어느 글을 남길지 골라 주세요.</translation>
    </message>
    <message>
        <location filename="../../recap/storage/failures.py" line="+22"/>
        <source>reading the library</source>
        <translation>라이브러리 읽기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>saving the change</source>
        <translation>변경 사항 저장</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loading the events</source>
        <translation>이벤트 불러오기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>backing up the library</source>
        <translation>라이브러리 백업</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>opening the library {path}</source>
        <translation>라이브러리 {path} 열기</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>backing up the library to {path}</source>
        <translation>{path}(으)로 라이브러리 백업</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not finish {doing}: the disk is full. Nothing was changed; free some space and try again.</source>
        <translation>{doing}을(를) 마치지 못했어요: 디스크가 가득 찼어요. 아무것도 바뀌지 않았어요. 공간을 확보한 뒤 다시 시도해 주세요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not finish {doing}: the library is busy in another program. Nothing was changed; try again in a moment.</source>
        <translation>{doing}을(를) 마치지 못했어요: 다른 프로그램이 라이브러리를 쓰고 있어요. 아무것도 바뀌지 않았어요. 잠시 후 다시 시도해 주세요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not finish {doing}: the file cannot be written (it is read-only or you lack permission). Nothing was changed.</source>
        <translation>{doing}을(를) 마치지 못했어요: 파일에 쓸 수 없어요(읽기 전용이거나 권한이 없어요). 아무것도 바뀌지 않았어요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not finish {doing}: the library file is damaged. Nothing was changed; restore it from a backup.</source>
        <translation>{doing}을(를) 마치지 못했어요: 라이브러리 파일이 손상됐어요. 아무것도 바뀌지 않았어요. 백업에서 복원해 주세요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not finish {doing}: the disk could not be written (it may be full). Nothing was changed; free some space and try again.</source>
        <translation>{doing}을(를) 마치지 못했어요: 디스크에 쓸 수 없어요(가득 찼을 수 있어요). 아무것도 바뀌지 않았어요. 공간을 확보한 뒤 다시 시도해 주세요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not finish {doing}: the disk could not be read or written. Nothing was changed.</source>
        <translation>{doing}을(를) 마치지 못했어요: 디스크를 읽거나 쓸 수 없어요. 아무것도 바뀌지 않았어요.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not finish {doing}: your database role may read this library but not change it. Nothing was changed.</source>
        <translation>{doing}을(를) 마치지 못했어요: 내 데이터베이스 역할은 이 라이브러리를 읽을 수만 있고 바꿀 수는 없어요. 아무것도 바뀌지 않았어요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not finish {doing}: the library&apos;s server cannot be reached ({reason}). Nothing was half-written.</source>
        <translation>{doing}을(를) 마치지 못했어요: 라이브러리 서버에 연결할 수 없어요({reason}). 반쯤 쓰인 것은 없어요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not finish {doing}: {reason}.</source>
        <translation>{doing}을(를) 마치지 못했어요: {reason}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The change breaks a rule of the library: {reason}</source>
        <translation>이 변경은 라이브러리 규칙에 어긋납니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../recap/storage/library.py" line="+264"/>
        <source>The new order must list each session of the event once.</source>
        <translation>새 순서에는 행사의 세션이 각각 한 번씩 있어야 합니다.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location filename="../../recap/storage/library_attachments.py" line="-1"/>
        <source>There is no {kind} with id {id}.</source>
        <translation>ID가 {id}인 {kind}이(가) 없습니다.</translation>
    </message>
    <message>
        <location filename="../../recap/storage/lock.py" line="+84"/>
        <source>This library is open in another Recap window; edit it there, or view it here read-only.</source>
        <translation>이 라이브러리는 다른 Recap 창에서 열려 있습니다. 그 창에서 편집하거나, 여기서는 읽기 전용으로 보세요.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This library is open in another Recap window (process {pid} on {host}); edit it there, or view it here read-only.</source>
        <translation>이 라이브러리는 다른 Recap 창({host}의 프로세스 {pid})에서 열려 있어요. 그 창에서 편집하거나, 여기서는 읽기 전용으로 보세요.</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Cannot lock the library: {reason}.</source>
        <translation>라이브러리를 잠글 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <location filename="../../recap/storage/filter_sql.py" line="+40"/>
        <location filename="../../recap/storage/writes.py" line="+209"/>
        <source>There is no tag “{name}” in this library.</source>
        <translation>이 라이브러리에 “{name}” 태그가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../recap/export/targets.py" line="+20"/>
        <source>There is no export target {name!r}.</source>
        <translation>내보내기 형식 {name!r}은(는) 없어요.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Front matter {front_matter!r} does not go with the {format} format.</source>
        <translation>프런트 매터 {front_matter!r}은(는) {format} 형식과 함께 쓸 수 없어요.</translation>
    </message>
    <message>
        <location filename="../../recap/storage/opening.py" line="+97"/>
        <source>The library opened, but today&apos;s backup was not made. {why}</source>
        <translation>라이브러리는 열었지만 오늘 백업은 만들지 못했어요. {why}</translation>
    </message>
    <message>
        <location filename="../../recap/interchange/ics_export.py" line="+55"/>
        <source>{title} ends on {day}, later than a calendar file can hold.</source>
        <translation>{title}은(는) {day}에 끝나서 캘린더 파일에 담을 수 없어요.</translation>
    </message>
    <message>
        <location filename="../../recap/interchange/ics_recurrence.py" line="+70"/>
        <source>{source}: its recurring events cannot be worked out: {reason}</source>
        <translation>{source}: 반복 일정을 계산할 수 없어요: {reason}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{source}: its recurring events repeat too often since they began to work out their occurrences.</source>
        <translation>{source}: 반복 일정이 시작된 뒤로 너무 자주 반복돼서 날짜를 계산할 수 없어요.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{source}: its recurring events happen more than {limit} times from {first} to {last}; choose a shorter range.</source>
        <translation>{source}: {first}부터 {last}까지 반복 일정이 {limit}번보다 많아요. 기간을 더 짧게 정해 주세요.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>its rule (RRULE) {value} cannot be read.</source>
        <translation>반복 규칙(RRULE) {value}을(를) 읽을 수 없어요.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>it repeats more often than once a day; Recap imports events that repeat daily at most.</source>
        <translation>하루에 한 번보다 자주 반복돼요. Recap은 많아야 하루에 한 번 반복되는 일정만 가져와요.</translation>
    </message>
    <message>
        <location filename="../../recap/export/posts.py" line="+84"/>
        <source>{target} is not written as blog posts.</source>
        <translation>{target}은(는) 블로그 글로 쓰는 형식이 아니에요.</translation>
    </message>
    <message>
        <location filename="../../recap/storage/migrate.py" line="+55"/>
        <source>The database {database} holds another program&apos;s tables, not a Recap library (it was left unchanged).</source>
        <translation>데이터베이스 {database}에는 다른 프로그램의 테이블이 있어서 Recap 라이브러리가 아니에요(바꾸지 않고 그대로 뒀어요).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{where} is a database of another program, not a Recap library (it was left unchanged).</source>
        <translation>{where}은(는) 다른 프로그램의 데이터베이스라서 Recap 라이브러리가 아니에요(바꾸지 않고 그대로 뒀어요).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The library in the database {database} was saved by a newer version of Recap; update Recap to open it (the database was left unchanged).</source>
        <translation>데이터베이스 {database}의 라이브러리는 더 새로운 버전의 Recap으로 저장됐어요. 열려면 Recap을 업데이트해 주세요(데이터베이스는 바꾸지 않고 그대로 뒀어요).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{where} was saved by a newer version of Recap; update Recap to open it (it was left unchanged).</source>
        <translation>{where}은(는) 더 새로운 버전의 Recap으로 저장됐어요. 열려면 Recap을 업데이트해 주세요(바꾸지 않고 그대로 뒀어요).</translation>
    </message>
    <message>
        <location filename="../../recap/storage/location.py" line="+37"/>
        <source>{url} is not a database URL Recap can read.</source>
        <translation>{url}은(는) Recap이 읽을 수 있는 데이터베이스 URL이 아니에요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recap keeps libraries in a file or on a PostgreSQL server; {url} is neither (a server&apos;s URL starts with postgresql+psycopg://).</source>
        <translation>Recap은 라이브러리를 파일이나 PostgreSQL 서버에 두어요. {url}은(는) 둘 다 아니에요(서버 URL은 postgresql+psycopg://로 시작해요).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Recap does not take a password in the library&apos;s URL; put it in ~/.pgpass or a libpq service file instead.</source>
        <translation>Recap은 라이브러리 URL에 든 비밀번호를 받지 않아요. 비밀번호는 ~/.pgpass나 libpq 서비스 파일에 넣어 주세요.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The URL {url} names no database (add /DATABASE after the server).</source>
        <translation>URL {url}에 데이터베이스 이름이 없어요(서버 뒤에 /데이터베이스이름을 붙여 주세요).</translation>
    </message>
    <message>
        <location filename="../../recap/storage/server_failures.py" line="+14"/>
        <source>The server of {url} asks for a password and Recap keeps none: put it in ~/.pgpass (or a libpq service file) and try again.</source>
        <translation>{url}의 서버가 비밀번호를 요구하는데 Recap은 비밀번호를 보관하지 않아요. ~/.pgpass(또는 libpq 서비스 파일)에 넣고 다시 시도해 주세요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server of {url} refused the login: {reason}.</source>
        <translation>{url}의 서버가 로그인을 거부했어요: {reason}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no database {database} on the server of {url}; create it first (createdb {database}).</source>
        <translation>{url}의 서버에 데이터베이스 {database}이(가) 없어요. 먼저 만들어 주세요(createdb {database}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot reach the server of {url}: {reason}.</source>
        <translation>{url}의 서버에 연결할 수 없어요: {reason}.</translation>
    </message>
    <message>
        <location filename="../../recap/storage/library_copy.py" line="+48"/>
        <source>copying the library {source} to {target}</source>
        <translation>{source} 라이브러리를 {target}(으)로 복사</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A library cannot be copied onto itself ({path}).</source>
        <translation>라이브러리를 자기 자신에게 복사할 수는 없어요({path}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no library at {path}.</source>
        <translation>{path}에 라이브러리가 없어요.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{target} already holds a library; copy into a new file or an empty database.</source>
        <translation>{target}에는 이미 라이브러리가 있어요. 새 파일이나 빈 데이터베이스로 복사하세요.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The copy did not match its source ({details}); nothing was kept.</source>
        <translation>복사본이 원본과 맞지 않아서({details}) 아무것도 남기지 않았어요.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>{path} is open in Recap; close it there and copy again.</source>
        <translation>{path}이(가) Recap에서 열려 있어요. 거기서 닫고 다시 복사하세요.</translation>
    </message>
    <message>
        <location filename="../../recap/domain/attachments.py" line="+90"/>
        <source>An attachment needs a name.</source>
        <translation>첨부에는 이름이 있어야 해요.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The attachment name “{name}…” is {length} characters long; {limit} at most.</source>
        <translation>첨부 이름 “{name}…”은(는) {length}자예요. {limit}자까지만 쓸 수 있어요.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“{name}” cannot name an attachment: a name has no / or \, no control characters, and is not . or ..</source>
        <translation>“{name}”은(는) 첨부 이름으로 쓸 수 없어요. 이름에는 / 나 \, 제어 문자가 없어야 하고 . 이나 .. 이면 안 돼요.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>“{media_type}” is not a media type such as image/png.</source>
        <translation>“{media_type}”은(는) image/png 같은 미디어 유형이 아니에요.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The attachment “{name}” is empty.</source>
        <translation>첨부 “{name}”이(가) 비어 있어요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../recap/ui/event_attachments.py" line="+11"/>
        <source>“{name}” is an SVG picture or a web page, which can carry scripts; Recap does not keep those (save it as PNG or PDF first).</source>
        <translation>“{name}”은(는) SVG 그림이나 웹 페이지라서 스크립트가 들어 있을 수 있어요. Recap은 이런 파일을 보관하지 않아요 (먼저 PNG나 PDF로 저장해 주세요).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>“{name}” is {size} MB; a picture or file can be at most {limit} MB.</source>
        <translation>“{name}”은(는) {size} MB예요. 그림이나 파일은 {limit} MB까지만 넣을 수 있어요.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>The event has two attachments named “{name}” (names are compared whatever their case).</source>
        <translation>이 행사에 “{name}”이라는 첨부가 두 개 있어요 (이름은 대소문자를 가리지 않고 비교해요).</translation>
    </message>
    <message>
        <location filename="../../recap/export/pictures.py" line="+138"/>
        <source>summary</source>
        <translation>요약</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>notes of “{talk}”</source>
        <translation>“{talk}”의 메모</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>“{event}”: the {where} link “{name}”, which is not attached; the link was kept as it is.</source>
        <translation>“{event}”: {where}에서 “{name}”을(를) 가리키는데 첨부되어 있지 않아요. 링크는 그대로 두었어요.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>“{name}” is not a picture, so a pasted post cannot carry it; upload it to the blog and link it there.</source>
        <translation>“{name}”은(는) 그림이 아니라서 붙여 넣는 글에 담을 수 없어요. 블로그에 올린 뒤 그곳에 링크해 주세요.</translation>
    </message>
    <message>
        <location filename="../../recap/interchange/post_pictures.py" line="+130"/>
        <source>{path} was not attached: {why}</source>
        <translation>{path}은(는) 첨부하지 않았어요: {why}</translation>
    </message>
    <message>
        <location filename="../../recap/storage/attachments.py" line="+72"/>
        <location line="+101"/>
        <source>There is no attachment with id {id}.</source>
        <translation>ID가 {id}인 첨부가 없어요.</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>The library holds no file with the hash {sha256}.</source>
        <translation>라이브러리에 해시가 {sha256}인 파일이 없어요.</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+88"/>
        <source>The event already has an attachment named “{name}”.</source>
        <translation>이 행사에는 이미 “{name}”이라는 첨부가 있어요.</translation>
    </message>
    <message>
        <location filename="../../recap/domain/publications.py" line="+30"/>
        <source>A publication needs a platform, e.g. tistory.</source>
        <translation>게시 기록에는 플랫폼이 있어야 해요(예: tistory).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A platform&apos;s name is {length} characters long; {most} at most.</source>
        <translation>플랫폼 이름이 {length}자예요. {most}자까지만 쓸 수 있어요.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A publication&apos;s state is &apos;draft&apos; or &apos;published&apos;, not {state!r}.</source>
        <translation>게시 상태는 &apos;draft&apos;나 &apos;published&apos;여야 해요. {state!r}은(는) 쓸 수 없어요.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The platform “{platform}” is listed twice; once per event.</source>
        <translation>플랫폼 “{platform}”이(가) 두 번 적혀 있어요. 행사마다 한 번만 적어 주세요.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>“{url}” is not a web address like https://velog.io/@me/post.</source>
        <translation>“{url}”은(는) https://velog.io/@me/post 같은 웹 주소가 아니에요.</translation>
    </message>
    <message>
        <location filename="../../recap/export/profiles.py" line="+112"/>
        <source>A profile needs a name on one line, like “my-blog”.</source>
        <translation>프로필에는 “my-blog”처럼 한 줄짜리 이름이 있어야 해요.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The profile name “{name}” is longer than {most} characters.</source>
        <translation>프로필 이름 “{name}”이(가) {most}자보다 길어요.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>There is no profile “{name}”; the profiles are: {names}.</source>
        <translation>“{name}” 프로필은 없어요. 있는 프로필: {names}.</translation>
    </message>
    <message>
        <location filename="../../recap/export/title_pattern.py" line="+52"/>
        <source>The title pattern “{pattern}” of the profile “{profile}” has a brace that is never closed; write {{{{ or }}}} for a brace itself.</source>
        <translation>프로필 “{profile}”의 제목 패턴 “{pattern}”에 닫히지 않은 중괄호가 있어요. 중괄호 자체를 쓰려면 {{{{ 또는 }}}}라고 적어 주세요.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The title pattern “{pattern}” of the profile “{profile}” has an unknown placeholder {{{name}}}; it may use {known}.</source>
        <translation>프로필 “{profile}”의 제목 패턴 “{pattern}”에 모르는 자리표시자 {{{name}}}가 있어요. 쓸 수 있는 것: {known}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The title pattern of the profile “{profile}” is empty; try {title}.</source>
        <translation>프로필 “{profile}”의 제목 패턴이 비어 있어요. {title}을(를) 써 보세요.</translation>
    </message>
    <message>
        <location filename="../../recap/storage/library_people.py" line="+66"/>
        <source>A speaker&apos;s name is one name, not empty, no comma.</source>
        <translation>발표자 이름은 쉼표 없이 한 사람의 이름이어야 하고 비어 있으면 안 돼요.</translation>
    </message>
    <message>
        <location filename="../../recap/export/profile_file.py" line="+141"/>
        <source>The profile “{name}” must be a table.</source>
        <translation>프로필 “{name}”은(는) 표([profiles.이름]) 형태여야 해요.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The profile “{name}” has an unknown key “{key}”; it may use {keys}.</source>
        <translation>프로필 “{name}”에 모르는 키 “{key}”가 있어요. 쓸 수 있는 키는 {keys}예요.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The profile “{name}” has {key} = {value}; it must be {what}.</source>
        <translation>프로필 “{name}”의 {key} = {value}는 쓸 수 없어요. {key}에는 {what}을(를) 써야 해요.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>{file}, line {line}: {problem}; only the built-in profiles are offered until it is mended.</source>
        <translation>{file}, {line}번째 줄: {problem}. 고칠 때까지 기본 프로필만 보여요.</translation>
    </message>
    <message>
        <location filename="../../recap/ui/profiles_editor.py" line="+157"/>
        <source>There is a profile “{name}” already.</source>
        <translation>“{name}” 프로필이 이미 있어요.</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../recap/ui/search_box.py" line="+19"/>
        <source>Search notes, talks, Q&amp;A… (Ctrl+F)</source>
        <translation>메모, 세션, 질의응답 검색… (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Finds text in events, talks and Q&amp;A: several words (all in one event),
a “quoted phrase”, parts of Korean words (어텐션 finds 어텐션을),
initial consonants (ㅌㅋ finds 토큰).</source>
        <translation>행사, 세션, 질의응답에서 찾습니다: 여러 단어(한 행사 안에 모두),
“따옴표로 묶은 구절”, 단어 일부(‘어텐션’으로 ‘어텐션을’도 찾음),
초성(‘ㅌㅋ’으로 ‘토큰’을 찾음).</translation>
    </message>
</context>
<context>
    <name>SessionEditor</name>
    <message>
        <location filename="../../recap/ui/session_editor.py" line="+44"/>
        <source>When the talk began (24-hour HH:MM)</source>
        <translation>발표가 시작된 시각 (24시간제 HH:MM)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>several people: comma separated</source>
        <translation>여러 명이면 쉼표로 구분</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>your one-line reaction, e.g. “the most fun talk of the day”</source>
        <translation>한줄평 (예: “오늘 가장 재미있었던 세션”)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes on the talk, in markdown</source>
        <translation>세션 메모 (마크다운)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+103"/>
        <source>Q&amp;&amp;A</source>
        <translation>질의응답</translation>
    </message>
    <message>
        <location line="-102"/>
        <location line="+108"/>
        <source>Links</source>
        <translation>링크</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>Starts at</source>
        <translation>시작</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Title</source>
        <translation>세션 제목</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Speaker</source>
        <translation>발표자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Affiliation</source>
        <translation>소속</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impression</source>
        <translation>한줄평</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>A talk needs a title; the last saved one is kept until then.</source>
        <translation>세션 제목이 필요합니다. 제목을 입력할 때까지 마지막으로 저장된 제목이 유지됩니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A start time is written like 13:05; the saved one is kept until then.</source>
        <translation>시작 시각은 13:05처럼 적어요. 그때까지는 저장된 시각을 그대로 둬요.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Q&amp;&amp;A ({count})</source>
        <translation>질의응답 ({count})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Links ({count})</source>
        <translation>링크 ({count})</translation>
    </message>
</context>
<context>
    <name>SessionPanel</name>
    <message>
        <location filename="../../recap/ui/session_panel.py" line="+73"/>
        <source>Add a session (Ctrl+Shift+N)</source>
        <translation>세션 추가 (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the session</source>
        <translation>세션 삭제</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the session up</source>
        <translation>세션을 위로 이동</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the session down</source>
        <translation>세션을 아래로 이동</translation>
    </message>
</context>
<context>
    <name>SpeakersDialog</name>
    <message>
        <location filename="../../recap/ui/speakers_dialog.py" line="+43"/>
        <source>Speakers</source>
        <translation>발표자</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter by name…</source>
        <translation>이름으로 거르기…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>행사</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Talk</source>
        <translation>발표</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>1 talk</source>
        <translation>발표 1개</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} talks</source>
        <translation>발표 {count}개</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 event</source>
        <translation>행사 1개</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} events</source>
        <translation>행사 {count}개</translation>
    </message>
    <message>
        <location line="+53"/>
        <location line="+10"/>
        <source>Rename speaker</source>
        <translation>발표자 이름 바꾸기</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Write “{name}” as (a name already listed merges the two):</source>
        <translation>“{name}”을(를) 어떻게 적을까요? (이미 있는 이름이면 둘을 합쳐요)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Write “{old}” as “{new}” in 1 talk?</source>
        <translation>발표 1개에서 “{old}”을(를) “{new}”(으)로 바꿀까요?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write “{old}” as “{new}” in {count} talks?</source>
        <translation>발표 {count}개에서 “{old}”을(를) “{new}”(으)로 바꿀까요?</translation>
    </message>
</context>
<context>
    <name>TagCountModel</name>
    <message>
        <location filename="../../recap/ui/models.py" line="+36"/>
        <source>Tag</source>
        <translation>태그</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Events</source>
        <translation>행사 수</translation>
    </message>
</context>
<context>
    <name>TagSidebar</name>
    <message>
        <location filename="../../recap/ui/tag_sidebar.py" line="+56"/>
        <source>Click tags to filter the events; click again to unselect.</source>
        <translation>태그를 클릭하면 행사를 필터링합니다. 다시 클릭하면 선택이 해제됩니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All selected</source>
        <translation>모두 포함</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any of them</source>
        <translation>하나 이상 포함</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show events that have every selected tag</source>
        <translation>선택한 태그가 모두 있는 행사 표시</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show events that have at least one selected tag</source>
        <translation>선택한 태그 중 하나라도 있는 행사 표시</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear</source>
        <translation>선택 해제</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Rename or Merge “{name}”…</source>
        <translation>“{name}” 이름 바꾸기/병합…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete “{name}”…</source>
        <translation>“{name}” 삭제…</translation>
    </message>
</context>
<context>
    <name>UnpublishedMenu</name>
    <message>
        <location filename="../../recap/ui/unpublished_menu.py" line="+22"/>
        <source>Only Recaps Not Yet Published</source>
        <translation>아직 올리지 않은 후기만</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>On {platform}</source>
        <translation>{platform}에</translation>
    </message>
</context>
<context>
    <name>WindowCommands</name>
    <message>
        <location filename="../../recap/ui/window_commands.py" line="+160"/>
        <source>New event</source>
        <translation>새 행사</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Delete “{title}” with its {count} sessions, their notes and Q&amp;A?
This cannot be undone.</source>
        <translation>“{title}” 행사와 세션 {count}개(메모·질의응답 포함)를 모두 삭제하시겠습니까?
이 작업은 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete “{title}”?
This cannot be undone.</source>
        <translation>“{title}” 행사를 삭제하시겠습니까?
이 작업은 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete event</source>
        <translation>행사 삭제</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Nothing to export: no event is listed.</source>
        <translation>내보낼 행사가 없습니다. 목록이 비어 있습니다.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Import posts</source>
        <translation>글 가져오기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown posts (*.md *.markdown)</source>
        <translation>마크다운 글 (*.md *.markdown)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Imported 1 event.</source>
        <translation>행사 1개를 가져왔어요.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported {count} events.</source>
        <translation>행사 {count}개를 가져왔어요.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 was already in the library.</source>
        <translation>1개는 이미 라이브러리에 있어요.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} were already in the library.</source>
        <translation>{count}개는 이미 라이브러리에 있어요.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Rename tag</source>
        <translation>태그 이름 변경</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New name for “{name}” (an existing tag&apos;s name merges the two):</source>
        <translation>“{name}”의 새 이름 (기존 태그 이름을 입력하면 두 태그가 병합됩니다):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remove the tag “{name}” from every event? The events stay.</source>
        <translation>모든 행사에서 “{name}” 태그를 제거하시겠습니까? 행사는 삭제되지 않습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete tag</source>
        <translation>태그 삭제</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{count} events changed</source>
        <translation>행사 {count}개가 변경되었습니다</translation>
    </message>
</context>
<context>
    <name>WindowView</name>
    <message>
        <location filename="../../recap/ui/window_view.py" line="+95"/>
        <source>Open questions: {count}</source>
        <translation>열린 질문: {count}개</translation>
    </message>
</context>
</TS>
