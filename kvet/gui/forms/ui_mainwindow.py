# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'mainwindow.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout,
    QLabel, QMenuBar, QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QTabWidget, QTableView, QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QVBoxLayout(self.centralwidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.comparisonLabel = QLabel(self.centralwidget)
        self.comparisonLabel.setObjectName(u"comparisonLabel")

        self.headerLayout.addWidget(self.comparisonLabel)

        self.comparisonCombo = QComboBox(self.centralwidget)
        self.comparisonCombo.setObjectName(u"comparisonCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.comparisonCombo.sizePolicy().hasHeightForWidth())
        self.comparisonCombo.setSizePolicy(sizePolicy)
        self.comparisonCombo.setMinimumContentsLength(12)
        self.comparisonCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

        self.headerLayout.addWidget(self.comparisonCombo)

        self.raterLabel = QLabel(self.centralwidget)
        self.raterLabel.setObjectName(u"raterLabel")

        self.headerLayout.addWidget(self.raterLabel)

        self.raterCombo = QComboBox(self.centralwidget)
        self.raterCombo.setObjectName(u"raterCombo")
        self.raterCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.headerLayout.addWidget(self.raterCombo)

        self.viewLabel = QLabel(self.centralwidget)
        self.viewLabel.setObjectName(u"viewLabel")

        self.headerLayout.addWidget(self.viewLabel)

        self.viewCombo = QComboBox(self.centralwidget)
        self.viewCombo.setObjectName(u"viewCombo")
        self.viewCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.headerLayout.addWidget(self.viewCombo)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.helpNowButton = QPushButton(self.centralwidget)
        self.helpNowButton.setObjectName(u"helpNowButton")

        self.headerLayout.addWidget(self.helpNowButton)

        self.headerLayout.setStretch(1, 1)

        self.centralLayout.addLayout(self.headerLayout)

        self.splitter = QSplitter(self.centralwidget)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.clinicsPanel = QWidget(self.splitter)
        self.clinicsPanel.setObjectName(u"clinicsPanel")
        self.clinicsLayout = QVBoxLayout(self.clinicsPanel)
        self.clinicsLayout.setObjectName(u"clinicsLayout")
        self.clinicsLayout.setContentsMargins(0, 0, 0, 0)
        self.clinicsHeading = QLabel(self.clinicsPanel)
        self.clinicsHeading.setObjectName(u"clinicsHeading")

        self.clinicsLayout.addWidget(self.clinicsHeading)

        self.clinicsView = QTableView(self.clinicsPanel)
        self.clinicsView.setObjectName(u"clinicsView")
        self.clinicsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.clinicsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.clinicsView.setAlternatingRowColors(True)
        self.clinicsView.setWordWrap(False)

        self.clinicsLayout.addWidget(self.clinicsView)

        self.rankingNote = QLabel(self.clinicsPanel)
        self.rankingNote.setObjectName(u"rankingNote")
        self.rankingNote.setWordWrap(True)
        self.rankingNote.setTextFormat(Qt.TextFormat.PlainText)

        self.clinicsLayout.addWidget(self.rankingNote)

        self.clinicButtons = QHBoxLayout()
        self.clinicButtons.setObjectName(u"clinicButtons")
        self.addClinicButton = QPushButton(self.clinicsPanel)
        self.addClinicButton.setObjectName(u"addClinicButton")

        self.clinicButtons.addWidget(self.addClinicButton)

        self.editClinicButton = QPushButton(self.clinicsPanel)
        self.editClinicButton.setObjectName(u"editClinicButton")

        self.clinicButtons.addWidget(self.editClinicButton)

        self.removeClinicButton = QPushButton(self.clinicsPanel)
        self.removeClinicButton.setObjectName(u"removeClinicButton")

        self.clinicButtons.addWidget(self.removeClinicButton)


        self.clinicsLayout.addLayout(self.clinicButtons)

        self.splitter.addWidget(self.clinicsPanel)
        self.tabs = QTabWidget(self.splitter)
        self.tabs.setObjectName(u"tabs")
        self.overviewTab = QWidget()
        self.overviewTab.setObjectName(u"overviewTab")
        self.overviewLayout = QVBoxLayout(self.overviewTab)
        self.overviewLayout.setObjectName(u"overviewLayout")
        self.tabs.addTab(self.overviewTab, "")
        self.walkthroughTab = QWidget()
        self.walkthroughTab.setObjectName(u"walkthroughTab")
        self.walkthroughLayout = QVBoxLayout(self.walkthroughTab)
        self.walkthroughLayout.setObjectName(u"walkthroughLayout")
        self.tabs.addTab(self.walkthroughTab, "")
        self.compareTab = QWidget()
        self.compareTab.setObjectName(u"compareTab")
        self.compareLayout = QVBoxLayout(self.compareTab)
        self.compareLayout.setObjectName(u"compareLayout")
        self.tabs.addTab(self.compareTab, "")
        self.weightsTab = QWidget()
        self.weightsTab.setObjectName(u"weightsTab")
        self.weightsLayout = QVBoxLayout(self.weightsTab)
        self.weightsLayout.setObjectName(u"weightsLayout")
        self.tabs.addTab(self.weightsTab, "")
        self.togetherTab = QWidget()
        self.togetherTab.setObjectName(u"togetherTab")
        self.togetherLayout = QVBoxLayout(self.togetherTab)
        self.togetherLayout.setObjectName(u"togetherLayout")
        self.tabs.addTab(self.togetherTab, "")
        self.splitter.addWidget(self.tabs)

        self.centralLayout.addWidget(self.splitter)

        MainWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        MainWindow.setMenuBar(self.menubar)
#if QT_CONFIG(shortcut)
        self.comparisonLabel.setBuddy(self.comparisonCombo)
        self.raterLabel.setBuddy(self.raterCombo)
        self.viewLabel.setBuddy(self.viewCombo)
        self.clinicsHeading.setBuddy(self.clinicsView)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.comparisonCombo, self.raterCombo)
        QWidget.setTabOrder(self.raterCombo, self.viewCombo)
        QWidget.setTabOrder(self.viewCombo, self.helpNowButton)
        QWidget.setTabOrder(self.helpNowButton, self.clinicsView)
        QWidget.setTabOrder(self.clinicsView, self.addClinicButton)
        QWidget.setTabOrder(self.addClinicButton, self.editClinicButton)
        QWidget.setTabOrder(self.editClinicButton, self.removeClinicButton)
        QWidget.setTabOrder(self.removeClinicButton, self.tabs)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"kvet", None))
        self.comparisonLabel.setText(QCoreApplication.translate("MainWindow", u"Compariso&n:", None))
#if QT_CONFIG(accessibility)
        self.comparisonCombo.setAccessibleName(QCoreApplication.translate("MainWindow", u"Comparison", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.comparisonCombo.setAccessibleDescription(QCoreApplication.translate("MainWindow", u"Choose which set of clinics you are comparing.", None))
#endif // QT_CONFIG(accessibility)
        self.raterLabel.setText(QCoreApplication.translate("MainWindow", u"Answers &by:", None))
#if QT_CONFIG(accessibility)
        self.raterCombo.setAccessibleName(QCoreApplication.translate("MainWindow", u"Answers by", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.raterCombo.setAccessibleDescription(QCoreApplication.translate("MainWindow", u"Whose answers are being recorded and shown.", None))
#endif // QT_CONFIG(accessibility)
        self.viewLabel.setText(QCoreApplication.translate("MainWindow", u"&Scores from:", None))
#if QT_CONFIG(accessibility)
        self.viewCombo.setAccessibleName(QCoreApplication.translate("MainWindow", u"Scores from", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.viewCombo.setAccessibleDescription(QCoreApplication.translate("MainWindow", u"Score the clinics from everyone's answers together, or from one person's.", None))
#endif // QT_CONFIG(accessibility)
        self.helpNowButton.setText(QCoreApplication.translate("MainWindow", u"Need help now?", None))
#if QT_CONFIG(accessibility)
        self.helpNowButton.setAccessibleName(QCoreApplication.translate("MainWindow", u"Need help now?", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.helpNowButton.setAccessibleDescription(QCoreApplication.translate("MainWindow", u"Shows crisis lines you can call or text right now.", None))
#endif // QT_CONFIG(accessibility)
        self.clinicsHeading.setText(QCoreApplication.translate("MainWindow", u"C&linics, in ranking order", None))
#if QT_CONFIG(accessibility)
        self.clinicsView.setAccessibleName(QCoreApplication.translate("MainWindow", u"Clinics, in ranking order", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.clinicsView.setAccessibleDescription(QCoreApplication.translate("MainWindow", u"Each clinic with its score, how many questions are answered, and red flags seen.", None))
#endif // QT_CONFIG(accessibility)
        self.rankingNote.setText("")
        self.addClinicButton.setText(QCoreApplication.translate("MainWindow", u"&Add clinic\u2026", None))
#if QT_CONFIG(accessibility)
        self.addClinicButton.setAccessibleDescription(QCoreApplication.translate("MainWindow", u"Add a clinic you are considering.", None))
#endif // QT_CONFIG(accessibility)
        self.editClinicButton.setText(QCoreApplication.translate("MainWindow", u"Ed&it\u2026", None))
#if QT_CONFIG(accessibility)
        self.editClinicButton.setAccessibleName(QCoreApplication.translate("MainWindow", u"Edit clinic", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.editClinicButton.setAccessibleDescription(QCoreApplication.translate("MainWindow", u"Change the selected clinic's name, contact details and formats.", None))
#endif // QT_CONFIG(accessibility)
        self.removeClinicButton.setText(QCoreApplication.translate("MainWindow", u"&Remove", None))
#if QT_CONFIG(accessibility)
        self.removeClinicButton.setAccessibleName(QCoreApplication.translate("MainWindow", u"Remove clinic", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.removeClinicButton.setAccessibleDescription(QCoreApplication.translate("MainWindow", u"Remove the selected clinic. You can undo this.", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.tabs.setAccessibleName(QCoreApplication.translate("MainWindow", u"Views", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.overviewTab), QCoreApplication.translate("MainWindow", u"&Overview", None))
        self.tabs.setTabText(self.tabs.indexOf(self.walkthroughTab), QCoreApplication.translate("MainWindow", u"&Walk through", None))
        self.tabs.setTabText(self.tabs.indexOf(self.compareTab), QCoreApplication.translate("MainWindow", u"Com&pare", None))
        self.tabs.setTabText(self.tabs.indexOf(self.weightsTab), QCoreApplication.translate("MainWindow", u"What &matters to you", None))
        self.tabs.setTabText(self.tabs.indexOf(self.togetherTab), QCoreApplication.translate("MainWindow", u"&Together", None))
    # retranslateUi

